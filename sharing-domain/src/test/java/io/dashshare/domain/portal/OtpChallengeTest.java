package io.dashshare.domain.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OtpChallengeTest {

    private static final Instant NOW = Instant.parse("2026-01-02T10:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private static OtpChallenge fresh() {
        return OtpChallenge.create(new OtpChallengeId(UUID.randomUUID()), new CompanyId(UUID.randomUUID()),
                new EmailAddress("customer@company.com"), "hmac", NOW, TEN_MINUTES);
    }

    private static OtpChallenge with(int failedAttempts, Instant consumedAt) {
        OtpChallenge c = fresh();
        return OtpChallenge.rehydrate(c.id(), c.companyId(), c.email(), c.codeHash(), c.createdAt(), c.expiresAt(),
                failedAttempts, consumedAt);
    }

    @Test
    void a_new_challenge_expires_after_its_validity_with_no_failed_attempts() {
        OtpChallenge challenge = fresh();

        assertThat(challenge.expiresAt()).isEqualTo(NOW.plus(TEN_MINUTES));
        assertThat(challenge.failedAttempts()).isZero();
        assertThat(challenge.consumedAt()).isEmpty();
    }

    @Test
    void a_challenge_is_usable_until_just_before_it_expires() {
        assertThat(fresh().isUsable(NOW)).isTrue();
        assertThat(fresh().isUsable(NOW.plus(TEN_MINUTES).minusMillis(1))).isTrue();
    }

    @Test
    void a_challenge_is_not_usable_at_or_after_its_expiry() {
        assertThat(fresh().isUsable(NOW.plus(TEN_MINUTES))).isFalse();
        assertThat(fresh().isUsable(NOW.plus(TEN_MINUTES).plusSeconds(1))).isFalse();
    }

    @Test
    void a_consumed_challenge_is_not_usable() {
        assertThat(with(0, NOW.plusSeconds(5)).isUsable(NOW.plusSeconds(6))).isFalse();
    }

    @Test
    void four_wrong_tries_leave_the_challenge_usable_and_the_fifth_ends_it() {
        assertThat(with(OtpChallenge.MAX_FAILED_ATTEMPTS - 1, null).isUsable(NOW)).isTrue();
        assertThat(with(OtpChallenge.MAX_FAILED_ATTEMPTS, null).isUsable(NOW)).isFalse();
        assertThat(with(OtpChallenge.MAX_FAILED_ATTEMPTS + 1, null).isUsable(NOW)).isFalse();
    }
}
