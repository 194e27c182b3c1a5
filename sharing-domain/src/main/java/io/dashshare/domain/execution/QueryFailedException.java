package io.dashshare.domain.execution;

/**
 * A dashboard query that did not complete. {@code diagnostic} is for the logs only (it may hold
 * SQL or the database's message); viewers get {@code DB_QUERY_ERROR} and a request id.
 */
public class QueryFailedException extends RuntimeException {

    public enum Reason { TIMEOUT, REJECTED, UNAVAILABLE, TOO_BUSY }

    private final Reason reason;

    public QueryFailedException(Reason reason, String diagnostic, Throwable cause) {
        super(diagnostic, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
