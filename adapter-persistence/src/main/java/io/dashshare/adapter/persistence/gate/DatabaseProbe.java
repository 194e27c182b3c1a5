package io.dashshare.adapter.persistence.gate;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * How a {@link DatabaseGate} asks whether its database answers: {@code select 1} on a connection
 * of the probe's own, outside the pool, that may take at most {@code timeout}.
 *
 * <p>Outside the pool, because a pool cannot tell: when every connection is busy, or stuck on a
 * frozen server, it has none to lend, and a borrowed one is validated only after 500 ms idle.
 * With a timeout, because a frozen server (processes stopped, a stalled disk, a partition) does
 * not refuse anything: the kernel still accepts the TCP connection and the query simply never
 * comes back. pgjdbc takes its opening timeouts ({@code connectTimeout}, {@code socketTimeout},
 * {@code loginTimeout}) in whole seconds, so opening is bounded by the timeout rounded up; a
 * query on the open connection by {@link Connection#setNetworkTimeout} in milliseconds.
 *
 * <p>Used by the gate's single prober thread only; the connection is kept between probes (one
 * round trip each) and dropped after any failure.
 */
public final class DatabaseProbe implements AutoCloseable {

    private final String url;
    private final Properties properties;
    private final int timeoutMillis;
    private Connection connection;

    private DatabaseProbe(String url, Properties properties, Duration timeout) {
        this.url = url;
        this.properties = properties;
        this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        // The probe is no place for the pool's session settings (a statement timeout of its own is the network timeout).
        properties.remove("options");
        properties.setProperty("ApplicationName", "dashshare-probe");
    }

    /** A probe of the database at {@code url}, logging in as {@code user}; {@code extra} are further driver properties. */
    public static DatabaseProbe of(String url, String user, String password, Properties extra, Duration timeout) {
        Properties properties = new Properties();
        if (extra != null) {
            properties.putAll(extra);
        }
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return new DatabaseProbe(url, properties, timeout);
    }

    /** A probe of the database a HikariCP pool connects to, with the pool's login and driver properties. */
    public static DatabaseProbe of(HikariDataSource pool, Duration timeout) {
        if (pool.getJdbcUrl() == null) {
            throw new IllegalArgumentException("pool " + pool.getPoolName() + " has no JDBC URL to probe");
        }
        return of(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), pool.getDataSourceProperties(), timeout);
    }

    /** Returns when the database ran {@code select 1} within the timeout; throws what went wrong otherwise. */
    public synchronized void check() throws SQLException {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(url, properties);
                connection.setNetworkTimeout(Runnable::run, timeoutMillis);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            }
        } catch (SQLException | RuntimeException e) {
            discard();
            throw e;
        }
    }

    private void discard() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken: that is why it is being dropped
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        discard();
    }
}
