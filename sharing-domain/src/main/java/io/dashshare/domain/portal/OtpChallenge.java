package io.dashshare.domain.portal;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest one-time code sent to one email of one company, held only as a keyed hash.
 * Usable until it expires, is consumed, or has seen {@link #MAX_FAILED_ATTEMPTS} wrong tries.
 */
public final class OtpChallenge {

    public static final int MAX_FAILED_ATTEMPTS = 5;

    private final OtpChallengeId id;
    private final CompanyId companyId;
    private final EmailAddress email;
    private final String codeHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final int failedAttempts;
    private final Instant consumedAt;

    private OtpChallenge(OtpChallengeId id, CompanyId companyId, EmailAddress email, String codeHash,
                         Instant createdAt, Instant expiresAt, int failedAttempts, Instant consumedAt) {
        this.id = Objects.requireNonNull(id);
        this.companyId = Objects.requireNonNull(companyId);
        this.email = Objects.requireNonNull(email);
        this.codeHash = Objects.requireNonNull(codeHash);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.failedAttempts = failedAttempts;
        this.consumedAt = consumedAt;
    }

    public static OtpChallenge create(OtpChallengeId id, CompanyId companyId, EmailAddress email, String codeHash,
                                      Instant now, java.time.Duration validity) {
        return new OtpChallenge(id, companyId, email, codeHash, now, now.plus(validity), 0, null);
    }

    /** For persistence mappers only. */
    public static OtpChallenge rehydrate(OtpChallengeId id, CompanyId companyId, EmailAddress email, String codeHash,
                                         Instant createdAt, Instant expiresAt, int failedAttempts, Instant consumedAt) {
        return new OtpChallenge(id, companyId, email, codeHash, createdAt, expiresAt, failedAttempts, consumedAt);
    }

    public boolean isUsable(Instant now) {
        return consumedAt == null && now.isBefore(expiresAt) && failedAttempts < MAX_FAILED_ATTEMPTS;
    }

    public OtpChallengeId id() {
        return id;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public EmailAddress email() {
        return email;
    }

    public String codeHash() {
        return codeHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Optional<Instant> consumedAt() {
        return Optional.ofNullable(consumedAt);
    }
}
