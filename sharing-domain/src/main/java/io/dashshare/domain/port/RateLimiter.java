package io.dashshare.domain.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts hits per key in fixed windows. Where limits must hold across service instances the
 * implementation keeps its counters in the shared database.
 */
public interface RateLimiter {

    Decision hit(String key, int limit, Duration window, Instant now);

    /** Reads the count without adding to it. */
    int count(String key, Duration window, Instant now);

    record Decision(boolean allowed, Duration retryAfter) {
        public static Decision allow() {
            return new Decision(true, Duration.ZERO);
        }
    }
}
