package io.dashshare.domain.error;

import java.time.Duration;

/** 429 {@code RATE_LIMITED}; the adapter turns {@link #retryAfter()} into a {@code Retry-After} header. */
public final class RateLimitedException extends SharingException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, "Too many requests; try again later.");
        this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
