package io.dashshare.adapter.persistence.query;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dashshare.adapter.persistence.DatabaseFailures;
import io.dashshare.adapter.persistence.DatabaseGate;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryFailedException.Reason;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.sql.SqlParam;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Runs dashboard SQL on the configured data sources, one HikariCP pool each. Every connection is
 * read-only twice over (the JDBC flag, which makes pgjdbc open {@code BEGIN READ ONLY}, and
 * {@code default_transaction_read_only} in the session), every statement gets a server-side
 * {@code statement_timeout} and a row cap, and every value is a typed bind parameter. None of
 * this replaces a read-only role ({@link ReadOnlyRoleCheck} warns when the role could write).
 */
public final class JdbcQueryExecutor implements QueryExecutor, AutoCloseable {

    /** PostgreSQL's query_canceled: statement_timeout fired (or the client's cancel did). */
    private static final String QUERY_CANCELED = "57014";

    private record Pool(HikariDataSource dataSource, DatabaseGate gate, Admission admission,
                        DataSourceSettings settings) {
    }

    /**
     * The per-source cap on queries in flight. It lives in memory on purpose: what it protects is
     * this instance's pool and request threads, and a local bound needs no round trip. Up to
     * {@code cap} queries run; up to {@code maxQueued} more wait at most {@code maxWait} for a turn;
     * anything beyond is refused at once as TOO_BUSY (429 with Retry-After) rather than queueing
     * behind the pool's connection timeout.
     */
    static final class Admission {
        private final Semaphore running;
        private final AtomicInteger waiting = new AtomicInteger();
        private final int cap;
        private final int maxQueued;
        private final long maxWaitNanos;

        Admission(int cap, int maxQueued, Duration maxWait) {
            this.cap = cap;
            this.running = new Semaphore(cap, true);
            this.maxQueued = maxQueued;
            this.maxWaitNanos = maxWait.toNanos();
        }

        boolean enter() {
            try {
                if (running.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                    return true;
                }
                if (waiting.incrementAndGet() > maxQueued) {
                    waiting.decrementAndGet();
                    return false;
                }
                try {
                    return running.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
                } finally {
                    waiting.decrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void leave() {
            running.release();
        }

        int inFlight() {
            return cap - running.availablePermits();
        }

        int queued() {
            return waiting.get();
        }
    }

    private enum Cell { INTEGER, DECIMAL, FLOAT, BOOLEAN, DATE, TIMESTAMP, TIMESTAMPTZ, JSON, TEXT }

    private final Map<DataSourceName, Pool> pools = new LinkedHashMap<>();

    public JdbcQueryExecutor(DataSourcesConfig config) {
        config.sources().forEach((name, settings) -> {
            HikariDataSource pool = pool(name, settings);
            DataSourceSettings.Admission bounds = settings.admission();
            pools.put(name, new Pool(pool, new DatabaseGate(pool, name.value(), Duration.ofMillis(500)),
                    new Admission(settings.concurrencyCap(), bounds.maxQueued(), bounds.maxWait()), settings));
        });
    }

    private static HikariDataSource pool(DataSourceName name, DataSourceSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dashboards-" + name.value());
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(1, settings.poolSize()));
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // Start even while the database is down: queries answer UNAVAILABLE until it is back.
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        config.setAutoCommit(false);
        // Commit the init SQL: left in the first transaction, its SETs would be rolled back with it.
        config.setIsolateInternalQueries(true);
        // Custom plans always: dashboard SQL is written with optional filters, "(:p is null or col = :p)",
        // and a generic plan cannot use an index for them. Measured on the demo: the generic plan of
        // total_revenue is a parallel scan of every row (341 ms) instead of an index scan of a third
        // of them (168 ms); server-prepared statements switch to generic plans after five runs.
        config.setConnectionInitSql("set default_transaction_read_only = on; set plan_cache_mode = force_custom_plan;"
                + " set statement_timeout = " + settings.statementTimeout().toMillis());
        config.addDataSourceProperty("ApplicationName", "dashshare-dashboards");
        return new HikariDataSource(config);
    }

    @Override
    public Set<DataSourceName> dataSources() {
        return Set.copyOf(pools.keySet());
    }

    /** The pool of one data source, for start-up checks. */
    DataSource dataSource(DataSourceName name) {
        return pools.get(name).dataSource();
    }

    @Override
    public QueryResult run(DataSourceName name, BoundStatement statement, QueryLimits limits) {
        Pool pool = pools.get(name);
        if (pool == null) {
            throw new QueryFailedException(Reason.REJECTED, "no data source named '" + name + "' is configured", null);
        }
        int cap = Math.min(limits.maxRows(), pool.settings().maxRows());
        Duration timeout = shorter(limits.timeout(), pool.settings().statementTimeout());
        long started = System.nanoTime();
        if (!pool.admission().enter()) {
            throw new QueryFailedException(Reason.TOO_BUSY, "data source '" + name + "': "
                    + pool.admission().inFlight() + " queries running and " + pool.admission().queued()
                    + " waiting", null);
        }
        // Closing an uncommitted connection makes HikariCP roll it back before reuse.
        try (Connection connection = pool.gate().dataSource().getConnection()) {
            QueryResult result = execute(connection, statement, cap, timeout, started);
            connection.rollback();
            return result;
        } catch (SQLException e) {
            QueryFailedException failure = failure(name, e);
            if (failure.reason() == Reason.UNAVAILABLE) {
                pool.gate().report(e);
            }
            throw failure;
        } finally {
            pool.admission().leave();
        }
    }


    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static QueryResult execute(Connection connection, BoundStatement statement, int cap, Duration timeout,
                                       long started) throws SQLException {
        // Local to this transaction, so the next user of the connection starts from the pool's default.
        try (PreparedStatement limit = connection.prepareStatement("select set_config('statement_timeout', ?, true)")) {
            limit.setString(1, Math.max(1, timeout.toMillis()) + "ms");
            limit.execute();
        }
        try (PreparedStatement query = connection.prepareStatement(statement.sql())) {
            bind(connection, query, statement.parameters());
            // One row past the cap tells "truncated" without reading the rest.
            query.setMaxRows(cap + 1);
            // Backstop in case the server never answers: the driver cancels a little after the server should have.
            query.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds() + 2));
            try (ResultSet rows = query.executeQuery()) {
                return read(rows, cap, started);
            }
        }
    }

    static void bind(Connection connection, PreparedStatement statement, List<SqlParam> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            int at = i + 1;
            SqlParam parameter = parameters.get(i);
            if (parameter instanceof SqlParam.DateParam date) {
                if (date.value() == null) {
                    statement.setNull(at, Types.DATE);
                } else {
                    statement.setObject(at, date.value());
                }
            } else if (parameter instanceof SqlParam.NumberParam number) {
                if (number.value() == null) {
                    statement.setNull(at, Types.NUMERIC);
                } else {
                    statement.setBigDecimal(at, number.value());
                }
            } else if (parameter instanceof SqlParam.TextParam text) {
                if (text.value() == null) {
                    statement.setNull(at, Types.VARCHAR);
                } else {
                    statement.setString(at, text.value());
                }
            } else if (parameter instanceof SqlParam.TextArrayParam list) {
                if (list.value() == null) {
                    // Typed as text[] so that both ":p::text[] is null" and "= any(:p)" resolve.
                    statement.setNull(at, Types.ARRAY, "_text");
                } else {
                    Array array = connection.createArrayOf("text", list.value().toArray());
                    statement.setArray(at, array);
                }
            } else {
                throw new IllegalStateException("unknown parameter type " + parameter.getClass().getName());
            }
        }
    }

    private static QueryResult read(ResultSet rows, int cap, long started) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int width = meta.getColumnCount();
        List<Column> columns = new ArrayList<>(width);
        Cell[] cells = new Cell[width];
        for (int c = 1; c <= width; c++) {
            cells[c - 1] = cellOf(meta.getColumnType(c), meta.getColumnTypeName(c));
            columns.add(new Column(meta.getColumnLabel(c), typeName(cells[c - 1])));
        }
        List<List<Object>> out = new ArrayList<>();
        boolean truncated = false;
        while (rows.next()) {
            if (out.size() == cap) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(width);
            for (int c = 1; c <= width; c++) {
                row.add(value(rows, c, cells[c - 1]));
            }
            out.add(Collections.unmodifiableList(row));
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        return new QueryResult(columns, out, truncated, durationMs);
    }

    private static Cell cellOf(int jdbcType, String typeName) {
        String pgType = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        switch (pgType) {
            case "bool":
                return Cell.BOOLEAN;
            case "json":
            case "jsonb":
                return Cell.JSON;
            case "timestamptz":
                return Cell.TIMESTAMPTZ;
            default:
                break;
        }
        switch (jdbcType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                return Cell.INTEGER;
            case Types.NUMERIC:
            case Types.DECIMAL:
                return Cell.DECIMAL;
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return Cell.FLOAT;
            case Types.BOOLEAN:
                return Cell.BOOLEAN;
            case Types.DATE:
                return Cell.DATE;
            case Types.TIMESTAMP:
                return Cell.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return Cell.TIMESTAMPTZ;
            default:
                return Cell.TEXT;
        }
    }

    private static String typeName(Cell cell) {
        switch (cell) {
            case INTEGER:
            case DECIMAL:
            case FLOAT:
                return "number";
            case BOOLEAN:
                return "boolean";
            case DATE:
                return "date";
            case TIMESTAMP:
            case TIMESTAMPTZ:
                return "timestamp";
            case JSON:
                return "json";
            default:
                return "text";
        }
    }

    private static Object value(ResultSet rows, int c, Cell cell) throws SQLException {
        switch (cell) {
            case INTEGER: {
                long value = rows.getLong(c);
                return rows.wasNull() ? null : value;
            }
            case DECIMAL: {
                // Read as text: NaN and Infinity exist in numeric but not in BigDecimal.
                String text = rows.getString(c);
                return text == null ? null : decimalOrNull(text);
            }
            case FLOAT: {
                double value = rows.getDouble(c);
                return rows.wasNull() || Double.isNaN(value) || Double.isInfinite(value) ? null : BigDecimal.valueOf(value);
            }
            case BOOLEAN: {
                boolean value = rows.getBoolean(c);
                return rows.wasNull() ? null : value;
            }
            case DATE: {
                LocalDate value = rows.getObject(c, LocalDate.class);
                return value == null ? null : value.toString();
            }
            case TIMESTAMP: {
                LocalDateTime value = rows.getObject(c, LocalDateTime.class);
                return value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
            }
            case TIMESTAMPTZ: {
                OffsetDateTime value = rows.getObject(c, OffsetDateTime.class);
                return value == null ? null : value.toInstant().toString();
            }
            default:
                return rows.getString(c);
        }
    }

    private static BigDecimal decimalOrNull(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static QueryFailedException failure(DataSourceName name, SQLException e) {
        String diagnostic = "data source '" + name + "' [" + e.getSQLState() + "]: " + e.getMessage();
        Reason reason;
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            reason = Reason.TIMEOUT;
        } else if (e instanceof SQLTransientConnectionException && e.getCause() == null
                && !DatabaseGate.UNREACHABLE_STATE.equals(e.getSQLState())) {
            // HikariCP timed out with no connection error behind it: every connection is busy.
            reason = Reason.TOO_BUSY;
        } else if (DatabaseFailures.isConnectionFailure(e)) {
            reason = Reason.UNAVAILABLE;
        } else {
            reason = Reason.REJECTED;
        }
        return new QueryFailedException(reason, diagnostic, e);
    }

    @Override
    public void close() {
        pools.values().forEach(p -> {
            p.gate().close();
            p.dataSource().close();
        });
    }
}
