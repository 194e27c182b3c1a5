package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.execution.SlotShare;
import java.time.Duration;
import java.util.Objects;

/**
 * One database that dashboards query: where it is, the role to log in as (meant to be a read-only
 * one, see {@link ReadOnlyRoleProvisioner}), and the bounds every statement on it gets. A
 * statement's own limits can only tighten these.
 */
public record DataSourceSettings(String url, String user, String password, int poolSize, Duration statementTimeout,
                                 int maxRows, Duration connectionTimeout, Admission admission) {

    /**
     * How many of this instance's queries may run on the source at once ({@code maxConcurrent},
     * 0 meaning the pool size), how many more may wait for a turn, and for how long, before a
     * query is refused as too busy (429), and the percentage of those slots one dashboard or share
     * may hold at once ({@link SlotShare}). The bounds are local to each instance on purpose: they
     * protect this instance's pool and threads; the database sees at most instances x cap, and one
     * dashboard at most instances x its share.
     */
    public record Admission(int maxConcurrent, int maxQueued, Duration maxWait, SlotShare dashboardShare) {

        /**
         * Half a second of queue wait at most, so that a request the source has no slot for answers
         * 429 well within a second (docs/operations.md, fair use of a data source); half the slots
         * at most for one dashboard or share.
         */
        public static final Admission DEFAULT = new Admission(0, 50, Duration.ofMillis(500), SlotShare.DEFAULT);

        public Admission {
            Objects.requireNonNull(maxWait, "maxWait");
            dashboardShare = dashboardShare == null ? SlotShare.DEFAULT : dashboardShare;
            if (maxConcurrent < 0 || maxQueued < 0 || maxWait.isNegative()) {
                throw new IllegalArgumentException("query admission bounds must not be negative");
            }
        }

        public Admission(int maxConcurrent, int maxQueued, Duration maxWait) {
            this(maxConcurrent, maxQueued, maxWait, SlotShare.DEFAULT);
        }
    }

    public static final int DEFAULT_POOL_SIZE = 5;
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_ROWS = 10_000;
    /** How long a query waits for a connection before the data source counts as unavailable. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    public DataSourceSettings {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("data source url must be a jdbc: URL");
        }
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (poolSize < 1 || maxRows < 1 || statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("pool size, max rows and statement timeout must be positive");
        }
        admission = admission == null ? Admission.DEFAULT : admission;
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connection timeout must be at least 250 ms (HikariCP's floor)");
        }
    }

    /** The defaults of docs/security.md#sql-5: 15 s statement timeout, 10,000 rows. */
    public static DataSourceSettings of(String url, String user, String password) {
        return new DataSourceSettings(url, user, password, DEFAULT_POOL_SIZE, DEFAULT_STATEMENT_TIMEOUT,
                DEFAULT_MAX_ROWS, DEFAULT_CONNECTION_TIMEOUT, Admission.DEFAULT);
    }

    /** The effective number of queries that may run at once: the configured cap, or the pool size. */
    public int concurrencyCap() {
        return admission.maxConcurrent() == 0 ? poolSize : admission.maxConcurrent();
    }

    public DataSourceSettings withStatementTimeout(Duration value) {
        return new DataSourceSettings(url, user, password, poolSize, value, maxRows, connectionTimeout, admission);
    }

    public DataSourceSettings withMaxRows(int value) {
        return new DataSourceSettings(url, user, password, poolSize, statementTimeout, value, connectionTimeout, admission);
    }

    public DataSourceSettings withPoolSize(int value) {
        return new DataSourceSettings(url, user, password, value, statementTimeout, maxRows, connectionTimeout, admission);
    }

    public DataSourceSettings withConnectionTimeout(Duration value) {
        return new DataSourceSettings(url, user, password, poolSize, statementTimeout, maxRows, value, admission);
    }

    @Override
    public String toString() {
        return "DataSourceSettings[url=" + url + ", user=" + user + ", password=redacted, poolSize=" + poolSize
                + ", statementTimeout=" + statementTimeout + ", maxRows=" + maxRows + ", connectionTimeout="
                + connectionTimeout + ", admission=" + admission + "]";
    }
}
