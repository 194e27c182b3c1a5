package io.dashshare.adapter.persistence;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How repository calls fail. A database that cannot be reached becomes
 * {@code SERVICE_UNAVAILABLE} (the service stays up and answers 503 until it is back); every other
 * database error travels on unchanged, because hiding it would hide a bug.
 */
public final class DatabaseFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);

    /** Server going away or not yet accepting: admin shutdown, crash shutdown, cannot connect now. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");
    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";

    private DatabaseFailures() {
    }

    /** Runs one repository call, turning a lost database into {@code SERVICE_UNAVAILABLE}. */
    public static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw translated(e);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** The exception to throw for {@code e}: unavailable when the connection failed, else {@code e} itself. */
    public static RuntimeException translated(RuntimeException e) {
        if (isConnectionFailure(e)) {
            LOG.warn("The service database is unreachable: {}", e.getMessage());
            return unavailable();
        }
        return e;
    }

    public static SharingException unavailable() {
        return new SharingException(ErrorCode.SERVICE_UNAVAILABLE,
                "The service is temporarily unavailable. Please try again shortly.");
    }

    /**
     * True when some cause in the chain says the connection could not be made or was lost:
     * SQLState class 08, a server shutting down, or a pool that timed out waiting for one.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GONE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The constraint that {@code e} violated, when its SQLState is {@code sqlState}. */
    static Optional<String> violated(DataAccessException e, String sqlState) {
        PSQLException pg = e.getCause(PSQLException.class);
        if (pg == null || !sqlState.equals(pg.getSQLState())) {
            return Optional.empty();
        }
        ServerErrorMessage detail = pg.getServerErrorMessage();
        return Optional.ofNullable(detail == null ? null : detail.getConstraint());
    }
}
