package io.dashshare.bootstrap.startup;

import io.dashshare.bootstrap.config.ServiceDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of a start that must not run on two instances at once, held under one PostgreSQL
 * advisory lock: the migrations, the demo data source (schema {@code demo}, its read-only role)
 * and the demo company. Several instances started together on an empty database otherwise race:
 * Flyway takes its own advisory lock only after it has created schema {@code sharing}, so two
 * first starts both run {@code CREATE SCHEMA} (a duplicate key in {@code pg_namespace}), and two
 * demo seeders both create the role and the company.
 *
 * <p>Why here and not a Flyway callback: the demo work spans the start of the application context
 * (the data source before it, the company through the repositories after it), so the lock must
 * be held by the launcher across all three; micronaut-flyway is not in the service and the launcher runs
 * Flyway itself inside the lock. The lock is session-level ({@code pg_advisory_lock}) on a
 * session of its own, outside the pool, released when the work is done (or when that session
 * ends, if this process dies holding it). Another instance waits in {@code pg_advisory_lock},
 * then finds everything in place and changes nothing.
 */
public final class StartupLock implements AutoCloseable {

    /** A fixed key of the service's own: "dashshar" in ASCII. */
    public static final long KEY = 0x6461736873686172L;

    private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

    private final Connection session;

    private StartupLock(Connection session) {
        this.session = session;
    }

    /**
     * Waits for the database to answer ({@link DatabaseWait}, up to {@code SHARING_DB_STARTUP_WAIT}),
     * then for the lock, as long as another instance holds it.
     */
    public static StartupLock acquire(ServiceDatabase database) {
        Connection session = DatabaseWait.connect(database);
        try {
            if (!tryLock(session)) {
                LOG.info("Another instance is migrating or seeding the service database at {}; waiting for it",
                        database.describe());
                try (PreparedStatement wait = session.prepareStatement("select pg_advisory_lock(?)")) {
                    wait.setLong(1, KEY);
                    wait.execute();
                }
            }
            return new StartupLock(session);
        } catch (SQLException e) {
            closeQuietly(session);
            throw new IllegalStateException("the start-up lock on the service database at " + database.describe()
                    + " could not be taken: " + DatabaseWait.reason(e));
        }
    }

    private static boolean tryLock(Connection session) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** The locked session itself, for start-up work that needs no pool (the demo data source). */
    public Connection session() {
        return session;
    }

    @Override
    public void close() {
        try (PreparedStatement unlock = session.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        } catch (SQLException e) {
            LOG.debug("start-up lock not released explicitly (closing the session releases it): {}", e.toString());
        } finally {
            closeQuietly(session);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the lock goes with the session either way
        }
    }
}
