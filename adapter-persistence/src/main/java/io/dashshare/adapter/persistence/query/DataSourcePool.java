package io.dashshare.adapter.persistence.query;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dashshare.adapter.persistence.gate.DatabaseGate;
import io.dashshare.domain.dashboard.DataSourceName;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * One dashboard data source as the executor uses it: a HikariCP pool of read-only connections,
 * the {@link DatabaseGate} in front of it, the {@link Admission} that bounds its queries in
 * flight, and its settings.
 */
final class DataSourcePool implements AutoCloseable {

    /** How often a gate asks its pool for a valid connection (README: Outages). */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private final HikariDataSource pool;
    private final DatabaseGate gate;
    private final Admission admission;
    private final DataSourceSettings settings;

    DataSourcePool(DataSourceName name, DataSourceSettings settings) {
        this.settings = settings;
        this.pool = new HikariDataSource(hikari(name, settings));
        this.gate = new DatabaseGate(pool, name.value(), PROBE_INTERVAL);
        this.admission = Admission.of(settings);
    }

    private static HikariConfig hikari(DataSourceName name, DataSourceSettings settings) {
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
        return config;
    }

    DataSourceSettings settings() {
        return settings;
    }

    Admission admission() {
        return admission;
    }

    /** A connection through the gate: refused at once while the source is unreachable. */
    Connection connect() throws SQLException {
        return gate.dataSource().getConnection();
    }

    /** Tells the gate about a failure seen on this source; it closes only when the source is unreachable. */
    void report(SQLException failure) {
        gate.report(failure);
    }

    /** The pool itself, past the gate, for start-up checks. */
    DataSource pool() {
        return pool;
    }

    @Override
    public void close() {
        gate.close();
        pool.close();
    }
}
