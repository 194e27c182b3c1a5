package io.dashshare.domain.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-statement bounds: the database cancels past {@code timeout}; rows past {@code maxRows}, or
 * past what {@code budget} lets the statement keep in memory, are cut and flagged.
 */
public record QueryLimits(int maxRows, Duration timeout, RowBudget budget) {

    public QueryLimits {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(budget, "budget");
        if (maxRows < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Bounded by the row cap and the timeout alone ({@link RowBudget#UNBOUNDED}). */
    public QueryLimits(int maxRows, Duration timeout) {
        this(maxRows, timeout, RowBudget.UNBOUNDED);
    }
}
