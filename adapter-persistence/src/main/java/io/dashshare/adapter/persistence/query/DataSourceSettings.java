package io.dashshare.adapter.persistence.query;

import java.time.Duration;
import java.util.Objects;

/**
 * One database that dashboards query: where it is, the role to log in as (meant to be a read-only
 * one, see {@link ReadOnlyRoleProvisioner}), and the bounds every statement on it gets. A
 * statement's own limits can only tighten these.
 */
public record DataSourceSettings(String url, String user, String password, int poolSize, Duration statementTimeout,
                                 int maxRows, Duration connectionTimeout) {

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
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connection timeout must be at least 250 ms (HikariCP's floor)");
        }
    }

    /** The defaults of PRODUCT.md section 7: 15 s statement timeout, 10,000 rows. */
    public static DataSourceSettings of(String url, String user, String password) {
        return new DataSourceSettings(url, user, password, DEFAULT_POOL_SIZE, DEFAULT_STATEMENT_TIMEOUT,
                DEFAULT_MAX_ROWS, DEFAULT_CONNECTION_TIMEOUT);
    }

    public DataSourceSettings withStatementTimeout(Duration value) {
        return new DataSourceSettings(url, user, password, poolSize, value, maxRows, connectionTimeout);
    }

    public DataSourceSettings withMaxRows(int value) {
        return new DataSourceSettings(url, user, password, poolSize, statementTimeout, value, connectionTimeout);
    }

    public DataSourceSettings withPoolSize(int value) {
        return new DataSourceSettings(url, user, password, value, statementTimeout, maxRows, connectionTimeout);
    }

    public DataSourceSettings withConnectionTimeout(Duration value) {
        return new DataSourceSettings(url, user, password, poolSize, statementTimeout, maxRows, value);
    }

    @Override
    public String toString() {
        return "DataSourceSettings[url=" + url + ", user=" + user + ", password=redacted, poolSize=" + poolSize
                + ", statementTimeout=" + statementTimeout + ", maxRows=" + maxRows + ", connectionTimeout="
                + connectionTimeout + "]";
    }
}
