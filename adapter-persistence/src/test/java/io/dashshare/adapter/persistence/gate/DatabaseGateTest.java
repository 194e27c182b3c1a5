package io.dashshare.adapter.persistence.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dashshare.adapter.persistence.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The gate on real HikariCP pools: closed by an outage, never by load. */
class DatabaseGateTest {

    private static final Duration PROBE = Duration.ofMillis(100);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Test
    void an_unreachable_database_closes_the_gate_and_later_calls_are_refused_at_once() {
        try (HikariDataSource pool = pool("jdbc:postgresql://localhost:" + TestDatabase.closedPort() + "/postgres");
             DatabaseGate gate = DatabaseGate.onPool(pool, "down", PROBE, PROBE_TIMEOUT)) {
            assertThatThrownBy(() -> gate.dataSource().getConnection()).isInstanceOf(SQLException.class);
            assertThat(gate.isReachable()).isFalse();

            long started = System.nanoTime();
            assertThatThrownBy(() -> gate.dataSource().getConnection())
                    .isInstanceOfSatisfying(SQLTransientConnectionException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo(DatabaseFailure.GATE_REFUSAL_STATE));
            // Far below the pool's 250 ms connection timeout: the refusal does not touch the pool.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
        }
    }

    @Test
    void the_heartbeat_closes_the_gate_without_any_caller() throws InterruptedException {
        try (HikariDataSource pool = pool("jdbc:postgresql://localhost:" + TestDatabase.closedPort() + "/postgres");
             DatabaseGate gate = DatabaseGate.onPool(pool, "down", PROBE, PROBE_TIMEOUT)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (gate.isReachable() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(gate.isReachable()).isFalse();
        }
    }

    @Test
    void a_pool_with_every_connection_busy_leaves_the_gate_open() throws SQLException {
        try (HikariDataSource pool = pool(TestDatabase.get().url());
             DatabaseGate gate = DatabaseGate.onPool(pool, "busy", PROBE, PROBE_TIMEOUT);
             Connection held = gate.dataSource().getConnection()) {
            assertThatThrownBy(() -> gate.dataSource().getConnection())
                    .satisfies(e -> assertThat(DatabaseFailure.classify(e)).isEqualTo(DatabaseFailure.POOL_EXHAUSTED));

            assertThat(gate.isReachable()).isTrue();
        }
    }

    @Test
    void a_statement_that_loses_its_connection_closes_the_gate_when_reported() {
        try (HikariDataSource pool = pool(TestDatabase.get().url());
             DatabaseGate gate = DatabaseGate.onPool(pool, "lost", Duration.ofSeconds(60), PROBE_TIMEOUT)) {
            gate.report(new SQLException("syntax", "42601"));
            assertThat(gate.isReachable()).isTrue();

            gate.report(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            assertThat(gate.isReachable()).isFalse();
        }
    }

    @Test
    void a_server_that_accepts_but_never_answers_closes_the_gate_within_the_probe_timeout() throws Exception {
        try (BlackHole frozen = new BlackHole();
             HikariDataSource pool = pool("jdbc:postgresql://localhost:" + frozen.port() + "/postgres");
             DatabaseGate gate = DatabaseGate.onPool(pool, "frozen", PROBE, PROBE_TIMEOUT)) {
            long started = System.nanoTime();
            while (gate.isReachable() && System.nanoTime() - started < Duration.ofSeconds(5).toNanos()) {
                Thread.sleep(20);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(gate.isReachable()).isFalse();
            // Opening a probe session is bounded in whole seconds (pgjdbc): 1 s plus the interval, not 10 s.
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(frozen.accepted()).as("the kernel accepted, nobody answered").isPositive();
        }
    }

    @Test
    void the_probe_answers_for_the_database_even_when_the_pool_has_no_connection_to_lend() throws Exception {
        try (HikariDataSource pool = pool(TestDatabase.get().url());
             DatabaseGate gate = DatabaseGate.onPool(pool, "busy-but-up", PROBE, PROBE_TIMEOUT);
             Connection held = pool.getConnection()) {
            gate.report(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            assertThat(gate.isReachable()).isFalse();
            {
                long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (!gate.isReachable() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(gate.isReachable()).as("reopened by its own session while the pool's only one is held")
                        .isTrue();
            }
        }
    }

    /** A listener that accepts connections and never says a word: a frozen server, as the client sees it. */
    static final class BlackHole implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        BlackHole() throws IOException {
            socket = new ServerSocket(0);
            acceptor = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // close() ends the loop
                }
            }, "black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
