package io.dashshare.adapter.persistence.gate;

import static io.dashshare.adapter.persistence.gate.DatabaseFailure.OTHER;
import static io.dashshare.adapter.persistence.gate.DatabaseFailure.POOL_EXHAUSTED;
import static io.dashshare.adapter.persistence.gate.DatabaseFailure.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dashshare.adapter.persistence.TestDatabase;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which database failures mean "unreachable" (the gate closes, repositories answer 503, dashboard
 * queries UNAVAILABLE), which mean "every connection busy" (load: 503 or TOO_BUSY, gate stays
 * open), and which are the database answering (passed on). The gate, the repositories and the
 * query executor used to walk the cause chain each in their own way; the states below are the
 * union of what any of them called unreachable, each with the reason it belongs there.
 */
class DatabaseFailureTest {

    private static SQLException state(String sqlState) {
        return new SQLException("server said " + sqlState, sqlState);
    }

    /** HikariCP's timeout as its pool builds it: the last connection error, if any, as state and cause. */
    private static SQLTransientConnectionException poolTimeout(SQLException lastConnectionError) {
        return new SQLTransientConnectionException("dashboards - Connection is not available, request timed out after 250ms",
                lastConnectionError == null ? null : lastConnectionError.getSQLState(), lastConnectionError);
    }

    private static Throwable loop() {
        SQLException a = new SQLException("a");
        SQLException b = new SQLException("b");
        a.initCause(b);
        b.initCause(a);
        return a;
    }

    static Stream<Arguments> failures() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001",
                new ConnectException("Connection refused"));
        return Stream.of(
                // Class 08, connection exception: the socket could not be opened or was lost.
                Arguments.of("08001 connection refused by pgjdbc", refused, UNREACHABLE),
                Arguments.of("08006 connection lost mid-statement", state("08006"), UNREACHABLE),
                Arguments.of("08003 connection does not exist", state("08003"), UNREACHABLE),
                Arguments.of("08004 server rejected the connection", state("08004"), UNREACHABLE),
                // 57P01-57P03: the server is going away or not accepting yet; new connections fail the same way.
                Arguments.of("57P01 admin shutdown", state("57P01"), UNREACHABLE),
                Arguments.of("57P02 crash shutdown", state("57P02"), UNREACHABLE),
                Arguments.of("57P03 cannot connect now (starting up, recovering)", state("57P03"), UNREACHABLE),
                // 57P04: the database itself is gone; no new connection to it can succeed until it is back.
                Arguments.of("57P04 database dropped", state("57P04"), UNREACHABLE),
                // 57P05: the server ended the session. The connection is dead; if the database still
                // answers, the next heartbeat reopens the gate, so counting it costs one probe interval.
                Arguments.of("57P05 idle session timeout", state("57P05"), UNREACHABLE),
                // A driver or proxy that does not wrap the socket error in an 08 state.
                Arguments.of("java.net.ConnectException on its own", new ConnectException("Connection refused"), UNREACHABLE),
                Arguments.of("a lost connection wrapped by jOOQ", new DataAccessException("SQL [select 1]", state("08003")),
                        UNREACHABLE),
                // The pool could not open a connection for its whole timeout: each further request would wait as long.
                Arguments.of("HikariCP timeout behind a refused connection", poolTimeout(refused), UNREACHABLE),
                Arguments.of("HikariCP timeout behind a failed login (28P01)", poolTimeout(state("28P01")), UNREACHABLE),
                Arguments.of("the gate's own refusal (08001, no cause)",
                        new SQLTransientConnectionException("database 'sharing' is unreachable", "08001"), UNREACHABLE),
                // Every connection was busy and none failed: load, not an outage.
                Arguments.of("HikariCP timeout with no connection error", poolTimeout(null), POOL_EXHAUSTED),
                Arguments.of("HikariCP timeout with no connection error, wrapped by jOOQ",
                        new DataAccessException("SQL [select 1]", poolTimeout(null)), POOL_EXHAUSTED),
                // The database answered: the statement, not the connection, is at fault.
                Arguments.of("42601 syntax error", state("42601"), OTHER),
                Arguments.of("57014 statement timeout (the executor's TIMEOUT)", state("57014"), OTHER),
                Arguments.of("23505 unique violation", state("23505"), OTHER),
                Arguments.of("25006 write in a read-only transaction", state("25006"), OTHER),
                Arguments.of("28P01 failed login without a pool", state("28P01"), OTHER),
                Arguments.of("an SQLException without a state", new SQLException("odd"), OTHER),
                Arguments.of("a bug", new IllegalStateException("bug"), OTHER),
                Arguments.of("a cause chain that loops", loop(), OTHER));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("failures")
    void each_failure_is_classified_by_what_it_says_about_the_database(String what, Throwable failure,
                                                                      DatabaseFailure expected) {
        assertThat(DatabaseFailure.classify(failure)).isEqualTo(expected);
    }

    @Test
    void a_real_HikariCP_pool_with_every_connection_busy_times_out_as_POOL_EXHAUSTED() throws SQLException {
        try (HikariDataSource pool = pool(TestDatabase.get().url(), 1); Connection held = pool.getConnection()) {
            assertThatThrownBy(pool::getConnection).satisfies(e -> assertThat(DatabaseFailure.classify(e)).isEqualTo(POOL_EXHAUSTED));
        }
    }

    @Test
    void a_real_HikariCP_pool_that_cannot_connect_times_out_as_UNREACHABLE() {
        try (HikariDataSource pool = pool("jdbc:postgresql://localhost:" + TestDatabase.closedPort() + "/postgres", 1)) {
            assertThatThrownBy(pool::getConnection).satisfies(e -> assertThat(DatabaseFailure.classify(e)).isEqualTo(UNREACHABLE));
        }
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
