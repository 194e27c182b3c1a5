package io.dashshare.bootstrap.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The service's own PostgreSQL as the launcher knows it before the application context exists:
 * where it is, the login, and the bounds on every wait on it.
 *
 * <p>{@code statementTimeout} ({@code SHARING_DB_STATEMENT_TIMEOUT}, 2 s) is the server-side
 * {@code statement_timeout} of the pool's sessions; the socket gives up one second later
 * (pgjdbc's {@code socketTimeout}, whole seconds), so that a server that answers nothing at all,
 * a frozen one, holds a request for at most that long. Every service statement is a key lookup or
 * a one-row write; migrations and the demo seeding run outside the pool, without these bounds.
 * {@code startupWait} ({@code SHARING_DB_STARTUP_WAIT}, 60 s) is how long a start waits for the
 * database to answer at all.
 */
public record ServiceDatabase(String url, String user, String password, Duration statementTimeout,
                              Duration startupWait) {

    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_STARTUP_WAIT = Duration.ofSeconds(60);
    /** How long opening one session may take (TCP connect, TLS, login); the pool's borrowers never wait on it. */
    private static final int LOGIN_TIMEOUT_SECONDS = 5;

    public ServiceDatabase {
        if (statementTimeout.toMillis() < 100) {
            throw new IllegalStateException("SHARING_DB_STATEMENT_TIMEOUT must be at least 100ms");
        }
    }

    /** The configured database ({@code SHARING_DB_*}), or the embedded one when none is configured. */
    public static ServiceDatabase of(ServiceConfig config, EmbeddedDatabase embedded) {
        Duration statementTimeout = config.duration("SHARING_DB_STATEMENT_TIMEOUT", DEFAULT_STATEMENT_TIMEOUT);
        Duration startupWait = config.duration("SHARING_DB_STARTUP_WAIT", DEFAULT_STARTUP_WAIT);
        if (embedded != null) {
            return new ServiceDatabase(embedded.jdbcUrl(), embedded.superUser(), "", statementTimeout, startupWait);
        }
        return new ServiceDatabase(config.get("SHARING_DB_URL").orElseThrow(),
                config.get("SHARING_DB_USER").orElse(null), config.get("SHARING_DB_PASSWORD").orElse(""),
                statementTimeout, startupWait);
    }

    /**
     * {@code host:port/database} for the operator (never the login): pgjdbc's own reading of the
     * URL, so that defaults (port 5432) and several hosts come out as the driver sees them.
     */
    public String describe() {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            return "(not a PostgreSQL JDBC URL)";
        }
        String hosts = parsed.getProperty("PGHOST", "localhost");
        String ports = parsed.getProperty("PGPORT", "5432");
        String[] hostList = hosts.split(",");
        String[] portList = ports.split(",");
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < hostList.length; i++) {
            where.append(i == 0 ? "" : ",").append(hostList[i]).append(':')
                    .append(portList[Math.min(i, portList.length - 1)]);
        }
        return where.append('/').append(parsed.getProperty("PGDBNAME", "")).toString();
    }

    /** The {@code datasources.default.*} properties of the service's pool. */
    public Map<String, Object> poolProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", user);
        properties.put("datasources.default.password", password);
        String driver = "datasources.default.data-source-properties.";
        properties.put(driver + "options", "-c statement_timeout=" + statementTimeout.toMillis());
        properties.put(driver + "socketTimeout", Long.toString(socketTimeoutSeconds()));
        properties.put(driver + "connectTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        properties.put(driver + "loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        properties.put(driver + "ApplicationName", "dashshare");
        return properties;
    }

    /** The longest a statement of the pool waits for a server that answers nothing. */
    public long socketTimeoutSeconds() {
        return (statementTimeout.toMillis() + 999) / 1000 + 1;
    }

    /**
     * A session outside the pool for start-up work (migrations, the demo, the start-up lock):
     * bounded while it logs in, unbounded afterwards, since a migration may take long.
     */
    public Connection connect() throws SQLException {
        Properties login = new Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        login.setProperty("password", password == null ? "" : password);
        login.setProperty("connectTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        login.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        login.setProperty("ApplicationName", "dashshare-startup");
        return DriverManager.getConnection(url, login);
    }

    @Override
    public String toString() {
        return "ServiceDatabase[" + describe() + ", user=" + user + ", password=redacted, statementTimeout="
                + statementTimeout + ", startupWait=" + startupWait + "]";
    }
}
