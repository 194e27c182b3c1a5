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
 * flight, the {@link FairShares} of those turns per dashboard and share, the narrower lane of
 * exports within it, and its settings.
 */
final class DataSourcePool implements AutoCloseable {

    /** How often a gate probes its database, and how long a probe may take (README: Outages). */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    /** How much longer than its statement timeout a query may wait for a server that does not answer at all. */
    private static final long SOCKET_TIMEOUT_MARGIN_SECONDS = 3;

    private final HikariDataSource pool;
    private final DatabaseGate gate;
    private final Admission admission;
    private final Admission exports;
    private final FairShares shares;
    private final DataSourceSettings settings;

    DataSourcePool(DataSourceName name, DataSourceSettings settings) {
        this.settings = settings;
        this.pool = new HikariDataSource(hikari(name, settings));
        this.gate = DatabaseGate.onPool(pool, name.value(), PROBE_INTERVAL, PROBE_TIMEOUT);
        this.admission = Admission.of(settings);
        this.exports = Admission.exportsOf(settings);
        this.shares = new FairShares(settings.admission().dashboardShare(), settings.concurrencyCap());
    }

    private static HikariConfig hikari(DataSourceName name, DataSourceSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dashboards-" + name.value());
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        // No idle connections kept on purpose: HikariCP refills a minimum with a back-off that grows to 5 s while
        // the database is down, so after a long outage its first new connection could come 5 s late. With none,
        // it connects when asked, at once (the gate does not ask while the database is unreachable).
        config.setMinimumIdle(0);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // A connection idle for 500 ms is validated before reuse; JDBC4's isValid waits whole seconds, a test
        // query waits validationTimeout (in milliseconds), so a frozen server costs a borrower 250 ms, not 1 s.
        config.setConnectionTestQuery("select 1");
        config.setValidationTimeout(250);
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
        // A frozen server answers nothing, not even the statement timeout's cancel: the socket gives up a little
        // after the server should have, so no query waits on it for longer (pgjdbc takes whole seconds).
        long statementSeconds = (settings.statementTimeout().toMillis() + 999) / 1000;
        config.addDataSourceProperty("socketTimeout", Long.toString(statementSeconds + SOCKET_TIMEOUT_MARGIN_SECONDS));
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1,
                (settings.connectionTimeout().toMillis() + 999) / 1000)));
        return config;
    }

    DataSourceSettings settings() {
        return settings;
    }

    Admission admission() {
        return admission;
    }

    /** How many of {@link #admission()}'s turns each dashboard and share holds. */
    FairShares shares() {
        return shares;
    }

    /** Held by a streaming export beside its turn of {@link #admission()}, for as long as its client reads. */
    Admission exports() {
        return exports;
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
