package io.dashshare.domain.testing;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.portal.OtpChallenge;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Test builder for one-time code challenges (the hash is opaque here: any text will do). */
public final class OtpChallengeBuilder {

    private OtpChallengeId id = new OtpChallengeId(UUID.randomUUID());
    private CompanyId companyId = new CompanyId(UUID.randomUUID());
    private EmailAddress email = new EmailAddress("viewer@example.com");
    private String codeHash = "hmac-" + UUID.randomUUID();
    private Instant createdAt = Instant.parse("2026-01-01T10:00:00Z");
    private Duration validity = Duration.ofMinutes(10);

    private OtpChallengeBuilder() {
    }

    public static OtpChallengeBuilder anOtpChallenge() {
        return new OtpChallengeBuilder();
    }

    public OtpChallengeBuilder withId(OtpChallengeId value) {
        this.id = value;
        return this;
    }

    public OtpChallengeBuilder inCompany(CompanyId value) {
        this.companyId = value;
        return this;
    }

    public OtpChallengeBuilder forEmail(EmailAddress value) {
        this.email = value;
        return this;
    }

    public OtpChallengeBuilder withCodeHash(String value) {
        this.codeHash = value;
        return this;
    }

    public OtpChallengeBuilder createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    public OtpChallengeBuilder validFor(Duration value) {
        this.validity = value;
        return this;
    }

    public OtpChallenge build() {
        return OtpChallenge.create(id, companyId, email, codeHash, createdAt, validity);
    }
}
