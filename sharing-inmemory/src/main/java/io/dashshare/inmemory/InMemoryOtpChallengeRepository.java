package io.dashshare.inmemory;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.portal.OtpChallenge;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One-time code challenges in memory. Every check-and-change runs under the one lock, which is
 * what makes {@link #consume} true for exactly one caller.
 */
public final class InMemoryOtpChallengeRepository implements OtpChallengeRepository {

    private final InMemoryStore store;
    private final Map<OtpChallengeId, OtpChallenge> rows;

    InMemoryOtpChallengeRepository(InMemoryStore store) {
        this.store = store;
        this.rows = store.table();
    }

    @Override
    public void replace(OtpChallenge challenge) {
        synchronized (store) {
            rows.values().removeIf(c -> c.companyId().equals(challenge.companyId()) && c.email().equals(challenge.email()));
            rows.put(challenge.id(), challenge);
        }
    }

    @Override
    public Optional<OtpChallenge> findLatest(CompanyId company, EmailAddress email) {
        synchronized (store) {
            // replace() keeps at most one per company and email, so "latest" is "the one".
            return rows.values().stream().filter(c -> c.companyId().equals(company) && c.email().equals(email)).findFirst();
        }
    }

    /** Returns 0 when the challenge is gone (replaced or deleted): there is nothing left to count against. */
    @Override
    public int recordFailure(OtpChallengeId id) {
        synchronized (store) {
            OtpChallenge c = rows.get(id);
            if (c == null) {
                return 0;
            }
            OtpChallenge counted = OtpChallenge.rehydrate(c.id(), c.companyId(), c.email(), c.codeHash(), c.createdAt(),
                    c.expiresAt(), c.failedAttempts() + 1, c.consumedAt().orElse(null));
            rows.put(id, counted);
            return counted.failedAttempts();
        }
    }

    @Override
    public boolean consume(OtpChallengeId id, Instant now, int maxFailedAttempts) {
        synchronized (store) {
            OtpChallenge c = rows.get(id);
            if (c == null || c.consumedAt().isPresent() || !now.isBefore(c.expiresAt())
                    || c.failedAttempts() >= maxFailedAttempts) {
                return false;
            }
            rows.put(id, OtpChallenge.rehydrate(c.id(), c.companyId(), c.email(), c.codeHash(), c.createdAt(),
                    c.expiresAt(), c.failedAttempts(), now));
            return true;
        }
    }

    @Override
    public void delete(OtpChallengeId id) {
        synchronized (store) {
            rows.remove(id);
        }
    }
}
