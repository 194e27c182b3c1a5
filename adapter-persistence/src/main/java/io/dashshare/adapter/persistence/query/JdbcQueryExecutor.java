package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.RowBudget;
import io.dashshare.domain.execution.QuerySlots;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.sql.BoundStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Runs dashboard SQL on the configured data sources ({@link DataSourcePools}). Every connection is
 * read-only twice over (the JDBC flag, which makes pgjdbc open {@code BEGIN READ ONLY}, and
 * {@code default_transaction_read_only} in the session), every statement gets a server-side
 * {@code statement_timeout} and a row cap, and every value is a typed bind parameter
 * ({@link ParameterBinder}). None of this replaces a read-only role ({@link ReadOnlyRoleCheck}
 * warns when the role could write). A query holds a turn of its source's {@link Admission} from
 * before it asks for a connection until the connection is back in the pool: its own, or one of
 * the turns its execution reserved under its dashboard's fair share ({@link #reserve},
 * {@link ReservedSlots}). The fair share is counted here, beside the turns it divides, with the
 * domain's rule ({@code SlotShare}); the core only says who holds the slots ({@code SlotHolder}).
 */
public final class JdbcQueryExecutor implements QueryExecutor, AutoCloseable {

    private final DataSourcePools pools;

    public JdbcQueryExecutor(DataSourcesConfig config) {
        this.pools = new DataSourcePools(config);
    }

    @Override
    public Set<DataSourceName> dataSources() {
        return pools.names();
    }

    /**
     * Half the source's concurrency cap, at least one: one execution's widgets never hold more
     * than half the turns of its {@link Admission}, so other viewers keep running beside a slow
     * dashboard, and its own widgets never queue behind each other long enough to be refused.
     */
    @Override
    public int statementsPerExecution(DataSourceName name) {
        return pools.find(name).map(source -> Math.max(1, source.settings().concurrencyCap() / 2)).orElse(1);
    }

    /** The pool of one data source, past its gate, for start-up checks. */
    DataSource dataSource(DataSourceName name) {
        return pools.find(name).orElseThrow(() -> QueryFailures.unknownSource(name)).pool();
    }

    @Override
    public QueryResult run(DataSourceName name, BoundStatement statement, QueryLimits limits) {
        DataSourcePool source = pools.find(name).orElseThrow(() -> QueryFailures.unknownSource(name));
        return run(name, source, source.admission().enter()
                .orElseThrow(() -> QueryFailures.refusedAdmission(name, source.admission())), statement, limits);
    }

    /**
     * Takes the slots of one execution under the source's fair share ({@link ReservedSlots}):
     * statements through them hold those turns instead of taking their own.
     */
    @Override
    public QuerySlots reserve(DataSourceName name, SlotHolder holder, int wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("reserve at least one slot");
        }
        DataSourcePool source = pools.find(name).orElseThrow(() -> QueryFailures.unknownSource(name));
        return ReservedSlots.take(name, source, holder, wanted);
    }

    /** One statement on a turn the caller took; the turn is given back when the connection is. */
    static QueryResult run(DataSourceName name, DataSourcePool source, Admission.Permit turn, BoundStatement statement,
                           QueryLimits limits) {
        int cap = Math.min(limits.maxRows(), source.settings().maxRows());
        Duration timeout = shorter(limits.timeout(), source.settings().statementTimeout());
        long started = System.nanoTime();
        try (turn) {
            // Closing an uncommitted connection makes HikariCP roll it back before reuse.
            try (Connection connection = source.connect()) {
                QueryResult result = query(connection, statement, cap, limits.budget(), timeout, started);
                connection.rollback();
                return result;
            } catch (SQLException e) {
                source.report(e);
                throw QueryFailures.of(name, e);
            }
        }
    }

    /**
     * Like {@link #run}, but rows come from a server-side cursor ({@link JdbcRowCursor}) as they
     * are read, capped by {@code limits.maxRows()} alone: the source's row cap bounds what a widget
     * holds in memory, and a cursor holds one fetch.
     */
    @Override
    public RowCursor stream(DataSourceName name, BoundStatement statement, QueryLimits limits) {
        DataSourcePool source = pools.find(name).orElseThrow(() -> QueryFailures.unknownSource(name));
        return JdbcRowCursor.open(name, source, statement, limits.maxRows(),
                shorter(limits.timeout(), source.settings().statementTimeout()));
    }

    /** A cursor on a turn the caller took; the cursor holds it until it is closed. */
    static RowCursor stream(DataSourceName name, DataSourcePool source, Admission.Permit turn,
                            BoundStatement statement, QueryLimits limits) {
        return JdbcRowCursor.open(name, source, turn, statement, limits.maxRows(),
                shorter(limits.timeout(), source.settings().statementTimeout()));
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static QueryResult query(Connection connection, BoundStatement statement, int cap, RowBudget budget,
                                     Duration timeout, long started) throws SQLException {
        try (PreparedStatement query = DashboardStatements.prepare(connection, statement, timeout)) {
            // One row past the cap tells "truncated" without reading the rest (CappedRows).
            query.setMaxRows(cap + 1);
            // In fetches, as a cursor does: otherwise pgjdbc holds every row up to the cap before the
            // first is read, and a budget's cut (CappedRows) would come after the memory was spent.
            query.setFetchSize(JdbcRowCursor.FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                RowReader reader = RowReader.of(rows.getMetaData());
                CappedRows kept = new CappedRows(cap, budget);
                reader.forEach(rows, kept);
                return kept.result(reader.columns(), (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    @Override
    public void close() {
        pools.close();
    }
}
