package io.dashshare.domain.execution;

import io.dashshare.domain.sql.BoundStatement;

/**
 * Slots of one data source taken for one execution or export ({@link io.dashshare.domain.port.QueryExecutor#reserve}):
 * the statements run through it take no other turn of the source, so once an execution has its
 * slots no widget of it can be refused for load after another widget ran (docs/operations.md,
 * fair use of a data source). At most {@link #granted()} statements may run through it at once.
 *
 * <p>{@link #close()} gives back the slots not in use at once; a statement still running (one the
 * execution deadline gave up on) or a cursor still open gives its own slot back when it ends.
 */
public interface QuerySlots extends AutoCloseable {

    /** How many statements may run through these slots at once: at least one. */
    int granted();

    /** Like {@code QueryExecutor.run}, on one of these slots. */
    QueryResult run(BoundStatement statement, QueryLimits limits);

    /** Like {@code QueryExecutor.stream}, on one of these slots, which the cursor holds until it is closed. */
    RowCursor stream(BoundStatement statement, QueryLimits limits);

    @Override
    void close();
}
