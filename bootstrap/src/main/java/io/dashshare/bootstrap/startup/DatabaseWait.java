package io.dashshare.bootstrap.startup;

import io.dashshare.adapter.persistence.gate.DatabaseFailure;
import io.dashshare.bootstrap.config.ServiceDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A start waits for its database: in a deployment the service and PostgreSQL often start
 * together, and a service that exits because the database was a few seconds late only adds a
 * restart loop. It retries with a growing pause (250 ms, doubling, at most 5 s) for as long as
 * {@code SHARING_DB_STARTUP_WAIT}, saying which host, port and database it waits for, then gives
 * up with that in one line. A refusal that waiting cannot cure (a wrong password, a database that
 * does not exist) ends the wait at once.
 */
final class DatabaseWait {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWait.class);
    private static final long FIRST_PAUSE_MILLIS = 250;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;
    /** While waiting, one line at most this often. */
    private static final long REMINDER_NANOS = Duration.ofSeconds(10).toNanos();

    private DatabaseWait() {
    }

    /** A session on {@code database}, once it answers; {@link IllegalStateException} when it did not in time. */
    static Connection connect(ServiceDatabase database) {
        long started = System.nanoTime();
        long deadline = started + database.startupWait().toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        long lastSaid = 0;
        while (true) {
            SQLException failure;
            try {
                Connection connection = database.connect();
                if (lastSaid != 0) {
                    LOG.info("The service database at {} answers after {} ms", database.describe(),
                            (System.nanoTime() - started) / 1_000_000);
                }
                return connection;
            } catch (SQLException e) {
                failure = e;
            }
            if (DatabaseFailure.classify(failure) != DatabaseFailure.UNREACHABLE) {
                throw new IllegalStateException("the service database at " + database.describe()
                        + " refused the connection: " + reason(failure));
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                throw new IllegalStateException("the service database at " + database.describe()
                        + " did not answer within " + database.startupWait().toSeconds()
                        + " s (SHARING_DB_STARTUP_WAIT): " + reason(failure));
            }
            if (lastSaid == 0 || now - lastSaid >= REMINDER_NANOS) {
                LOG.warn("Waiting for the service database at {} ({} s left of SHARING_DB_STARTUP_WAIT): {}",
                        database.describe(), Math.max(0, (deadline - now) / 1_000_000_000), reason(failure));
                lastSaid = now;
            }
            sleep(Math.min(pause, Math.max(1, (deadline - now) / 1_000_000)));
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
    }

    /**
     * The innermost message, first line only, which names no secret: the server's or driver's
     * text, or the network's with its kind ("ConnectException: Connection refused",
     * "UnknownHostException: db.internal").
     */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause instanceof SQLException ? cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the service database");
        }
    }
}
