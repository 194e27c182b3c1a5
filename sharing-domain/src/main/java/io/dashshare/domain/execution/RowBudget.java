package io.dashshare.domain.execution;

/**
 * What the rows of one statement may take of memory, counted as they are read: a query executor
 * asks before it keeps each row (its {@link RowWeight#row estimate}) and stops reading when told
 * no, answering the rows so far flagged {@code truncated}, as at the row cap. The service's budget
 * bounds each execution and the memory of every execution in flight (docs/filters.md, "Memory of
 * an execution").
 */
@FunctionalInterface
public interface RowBudget {

    /** No bound beyond the row cap: filter options, embedders' own executors, tests. */
    RowBudget UNBOUNDED = bytes -> true;

    /**
     * True when a row of about {@code bytes} may be kept; false to cut the result before it. Throws
     * {@link QueryFailedException} {@code TOO_BUSY} when the process has no memory for it within a
     * short wait (the whole answer is then refused for load, never cut by load).
     */
    boolean take(long bytes);
}
