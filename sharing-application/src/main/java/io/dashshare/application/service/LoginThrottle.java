package io.dashshare.application.service;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.tenant.OwnerId;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed password checks, counted in the shared limiter so that every instance refuses alike
 * (docs/security.md#owners-2): 10 per account (email) and 100 per client address in 15
 * minutes, then 429 {@code RATE_LIMITED} with the time left in the window.
 */
public final class LoginThrottle {

    public static final int FAILURES_PER_ACCOUNT = 10;
    public static final int FAILURES_PER_CLIENT = 100;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Longer than any password the rules accept: not worth a slow hash. */
    static final int MAX_PASSWORD_LENGTH = 1024;

    private final RateLimiter limiter;

    public LoginThrottle(RateLimiter limiter) {
        this.limiter = limiter;
    }

    static String accountKey(EmailAddress email) {
        return "owner-login-failures:" + email.value();
    }

    static String ownerKey(OwnerId owner) {
        return "owner-password-failures:" + owner;
    }

    static String clientKey(String clientAddress) {
        return "owner-login-failures-client:" + clientAddress;
    }

    /** Refuses before any password is hashed when a key has used up its failures. */
    void refuseIfBlocked(Instant now, String accountKey, String clientKey) {
        refuseIfBlocked(now, accountKey, FAILURES_PER_ACCOUNT);
        refuseIfBlocked(now, clientKey, FAILURES_PER_CLIENT);
    }

    void recordFailure(Instant now, String accountKey, String clientKey) {
        limiter.hit(accountKey, Integer.MAX_VALUE, WINDOW, now);
        limiter.hit(clientKey, Integer.MAX_VALUE, WINDOW, now);
    }

    void refuseIfBlocked(Instant now, String key, int limit) {
        if (limiter.count(key, WINDOW, now) >= limit) {
            // One more hit over the limit answers how long the window still runs.
            RateLimiter.Decision decision = limiter.hit(key, limit, WINDOW, now);
            throw new RateLimitedException(decision.allowed() ? WINDOW : decision.retryAfter());
        }
    }

    void recordFailure(Instant now, String key) {
        limiter.hit(key, Integer.MAX_VALUE, WINDOW, now);
    }
}
