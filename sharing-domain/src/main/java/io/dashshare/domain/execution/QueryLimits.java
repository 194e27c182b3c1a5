package io.dashshare.domain.execution;

import java.time.Duration;
import java.util.Objects;

/** Per-statement bounds: the database cancels past {@code timeout}; rows past {@code maxRows} are cut and flagged. */
public record QueryLimits(int maxRows, Duration timeout) {

    public QueryLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxRows < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
