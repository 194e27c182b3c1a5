package io.dashshare.adapter.persistence;

import io.dashshare.adapter.persistence.gate.DatabaseFailure;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import java.time.Duration;
import java.util.Optional;
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
    private static final ThrottledWarning BUSY = new ThrottledWarning(LOG, Duration.ofSeconds(10));

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
        DatabaseFailure kind = DatabaseFailure.classify(e);
        // An exhausted pool answers 503 too: this request cannot be served now (the gate stays open).
        // An unreachable database is the gate's to log, once when it closes and once when it opens.
        if (kind == DatabaseFailure.UNREACHABLE) {
            LOG.debug("The service database cannot serve the call ({}): {}", kind, e.getMessage());
            return unavailable();
        }
        if (kind == DatabaseFailure.POOL_EXHAUSTED) {
            BUSY.warn("The service database's pool had no connection to lend in time: {}", e.getMessage());
            return unavailable();
        }
        return e;
    }

    public static SharingException unavailable() {
        return new SharingException(ErrorCode.SERVICE_UNAVAILABLE,
                "The service is temporarily unavailable. Please try again shortly.");
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
