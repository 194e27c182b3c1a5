package io.dashshare.adapter.persistence.gate;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * What a database failure says about the database, decided in this one place for the gate
 * ({@link DatabaseGate}: only {@link #UNREACHABLE} closes it), the repositories
 * ({@link DatabaseFailures}: anything but {@link #OTHER} is {@code SERVICE_UNAVAILABLE}) and the
 * dashboard query executor ({@code QueryFailures}: {@link #POOL_EXHAUSTED} is {@code TOO_BUSY}).
 * {@code DatabaseFailureTest} lists every state and why it lands where it does.
 */
public enum DatabaseFailure {

    /**
     * The database cannot be used now, so every further request would fail the same way after
     * waiting: SQLState class 08 (connection exception, also the gate's own refusal), 57P01-57P05
     * (the server ended the session: shutdown, crash, not accepting connections yet, database
     * dropped, idle session timeout), a refused socket, or a pool that could not open a
     * connection for its whole timeout (HikariCP's timeout with the last connection error behind it).
     */
    UNREACHABLE,

    /** HikariCP's timeout with no connection error behind it: every connection was busy. Load, not an outage. */
    POOL_EXHAUSTED,

    /** Anything else (a SQL error, a constraint, a statement timeout): the database answered. */
    OTHER;

    /** The gate's own refusal while closed: "connection could not be established". */
    public static final String GATE_REFUSAL_STATE = "08001";

    /** admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped, idle_session_timeout. */
    private static final Set<String> SESSION_ENDED_BY_SERVER = Set.of("57P01", "57P02", "57P03", "57P04", "57P05");

    /** Deeper than any real chain (jOOQ, HikariCP and pgjdbc add three links at most); stops a cycle. */
    private static final int MAX_DEPTH = 32;

    public static DatabaseFailure classify(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            if (t instanceof SQLException sql && isUnreachableState(sql.getSQLState())) {
                return UNREACHABLE;
            }
            if (t instanceof ConnectException) {
                return UNREACHABLE;
            }
            if (t instanceof SQLTransientConnectionException) {
                // HikariCP attaches the pool's last connection error, if any, as the cause.
                return t.getCause() == null ? POOL_EXHAUSTED : UNREACHABLE;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return OTHER;
    }

    private static boolean isUnreachableState(String state) {
        return state != null && (state.startsWith("08") || SESSION_ENDED_BY_SERVER.contains(state));
    }
}
