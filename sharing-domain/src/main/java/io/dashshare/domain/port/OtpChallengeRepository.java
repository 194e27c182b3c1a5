package io.dashshare.domain.port;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.portal.OtpChallenge;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Optional;

/**
 * One-time code challenges. Each check-and-change is atomic in the store, so concurrent
 * verifies of one code cannot both succeed.
 */
public interface OtpChallengeRepository {

    /** Stores the challenge and removes every earlier one of the same company and email. */
    void replace(OtpChallenge challenge);

    /** The latest challenge of this company and email, usable or not. */
    Optional<OtpChallenge> findLatest(CompanyId company, EmailAddress email);

    /** Counts one wrong try; returns the count after it. */
    int recordFailure(OtpChallengeId id);

    /**
     * Marks the challenge used if, at this instant, it is unused, unexpired and under
     * {@code maxFailedAttempts}. True for exactly one caller.
     */
    boolean consume(OtpChallengeId id, Instant now, int maxFailedAttempts);

    /** Makes the challenge unusable (a mail that could not be sent). */
    void delete(OtpChallengeId id);
}
