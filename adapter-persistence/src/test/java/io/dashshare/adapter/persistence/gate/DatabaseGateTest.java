package io.dashshare.adapter.persistence.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dashshare.adapter.persistence.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The gate on real HikariCP pools: closed by an outage, never by load. */
class DatabaseGateTest {

    private static final Duration PROBE = Duration.ofMillis(100);

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
             DatabaseGate gate = new DatabaseGate(pool, "down", PROBE)) {
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
             DatabaseGate gate = new DatabaseGate(pool, "down", PROBE)) {
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
             DatabaseGate gate = new DatabaseGate(pool, "busy", PROBE);
             Connection held = gate.dataSource().getConnection()) {
            assertThatThrownBy(() -> gate.dataSource().getConnection())
                    .satisfies(e -> assertThat(DatabaseFailure.classify(e)).isEqualTo(DatabaseFailure.POOL_EXHAUSTED));

            assertThat(gate.isReachable()).isTrue();
        }
    }

    @Test
    void a_statement_that_loses_its_connection_closes_the_gate_when_reported() {
        try (HikariDataSource pool = pool(TestDatabase.get().url());
             DatabaseGate gate = new DatabaseGate(pool, "lost", Duration.ofSeconds(60))) {
            gate.report(new SQLException("syntax", "42601"));
            assertThat(gate.isReachable()).isTrue();

            gate.report(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            assertThat(gate.isReachable()).isFalse();
        }
    }
}
