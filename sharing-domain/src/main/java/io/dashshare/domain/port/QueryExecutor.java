package io.dashshare.domain.port;

import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.QuerySlots;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.sql.BoundStatement;
import java.util.Set;

/**
 * Runs dashboard SQL on a data source, read-only, with every value bound as a parameter.
 */
public interface QueryExecutor {

    /**
     * At most {@code limits.maxRows()} rows, each kept only when {@code limits.budget()} takes it
     * (asked row by row as they are read; a refusal cuts the result there, flagged truncated, and
     * a {@link QueryFailedException} it throws fails the statement). Throws
     * {@link QueryFailedException} when the statement fails, times out or cannot run.
     */
    QueryResult run(DataSourceName dataSource, BoundStatement statement, QueryLimits limits);

    /**
     * Starts the statement and answers a cursor over its rows, at most {@code limits.maxRows()} of
     * them, fetched as they are read instead of all at once; the statement timeout bounds each
     * fetch. The data source's own row cap does not apply (it bounds what a widget holds in memory,
     * and a cursor holds none of it). Throws {@link QueryFailedException} when the statement cannot
     * start; the caller must close the cursor.
     */
    RowCursor stream(DataSourceName dataSource, BoundStatement statement, QueryLimits limits);

    Set<DataSourceName> dataSources();

    /**
     * How many statements of one dashboard execution may run at once on {@code dataSource}: the
     * widgets of one viewer's request run side by side up to this many, so that together they
     * neither take the source's every slot nor wait behind each other for one. One (one after
     * another) unless an executor says more.
     */
    default int statementsPerExecution(DataSourceName dataSource) {
        return 1;
    }

    /**
     * Takes up to {@code wanted} slots of {@code dataSource} for {@code holder}: as many as its fair
     * share ({@link io.dashshare.domain.execution.SlotShare}) leaves and the source has, at least one.
     * Throws {@link QueryFailedException} {@code TOO_BUSY} when the holder's share is full (at once)
     * or the source has no slot within its short queue wait; never after a statement ran. The
     * caller closes the slots when its execution is over.
     *
     * <p>By default no share is kept: every statement through the slots takes its own turn as
     * {@link #run} and {@link #stream} do, fit for executors with no pool to share (tests, embedders).
     */
    default QuerySlots reserve(DataSourceName dataSource, SlotHolder holder, int wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("reserve at least one slot");
        }
        QueryExecutor executor = this;
        return new QuerySlots() {
            @Override
            public int granted() {
                return wanted;
            }

            @Override
            public QueryResult run(BoundStatement statement, QueryLimits limits) {
                return executor.run(dataSource, statement, limits);
            }

            @Override
            public RowCursor stream(BoundStatement statement, QueryLimits limits) {
                return executor.stream(dataSource, statement, limits);
            }

            @Override
            public void close() {
            }
        };
    }
}
