package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.bootstrap.config.EmbeddedDatabase;
import io.dashshare.bootstrap.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, starts: instances started together on an empty database (the demo on) all come up,
 * one after another under the start-up lock, even when the database itself comes up only after
 * they did; a database that never comes is named in one line after SHARING_DB_STARTUP_WAIT.
 */
class FirstStartTest {

    private static final String SECRET = "first-start-test-secret-0123456789abcdef";

    @Test
    void two_instances_started_together_before_their_empty_database_is_up_both_come_up_and_seed_once()
            throws Exception {
        Path dataDir = Files.createTempDirectory("sharing-first-start-");
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        List<TestService> started = new ArrayList<>();
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            PostgresProcess postgres = PostgresProcess.of(dataDir);
            postgres.stop();
            Map<String, String> env = new HashMap<>();
            env.put("SHARING_SECRET", SECRET);
            env.put("SHARING_DB_URL", database.jdbcUrl());
            env.put("SHARING_DB_USER", database.superUser());
            env.put("SHARING_DB_PASSWORD", "");
            env.put("SHARING_DEMO", "true");
            env.put("SHARING_DB_STARTUP_WAIT", "60s");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TestService>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(starter.submit(() -> {
                    go.await();
                    return TestService.start(env);
                }));
            }
            go.countDown();
            Thread.sleep(1_500);
            postgres.start();
            for (Future<TestService> start : starts) {
                started.add(start.get(120, TimeUnit.SECONDS));
            }

            for (TestService service : started) {
                assertThat(service.api().get("/health/readiness").status()).isEqualTo(200);
                OpsApi ops = new OpsApi(service.api());
                assertThat(ops.salesDashboardId()).isNotBlank();
            }
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.superUser(), "");
                 Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from sharing.companies where slug = 'acme'")).isEqualTo(1);
                assertThat(count(s, "select count(*) from sharing.owner_accounts")).isEqualTo(1);
                assertThat(count(s, "select count(*) from sharing.dashboards where slug = 'sales-overview'"))
                        .isEqualTo(1);
                assertThat(count(s, "select count(*) from sharing.flyway_schema_history where success")).isPositive();
                assertThat(count(s, "select count(*) from demo.orders")).isEqualTo(120_000);
                // Made at start, not by housekeeping's first round a minute later: no event waits in the default partition.
                java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
                for (int ahead = 0; ahead <= 3; ahead++) {
                    java.time.YearMonth m = month.plusMonths(ahead);
                    assertThat(count(s, String.format("select count(*) from pg_class where relnamespace ="
                            + " 'sharing'::regnamespace and relname = 'audit_events_%04d_%02d'", m.getYear(),
                            m.getMonthValue()))).as("partition of " + m).isEqualTo(1);
                }
            }
        } finally {
            starter.shutdownNow();
            started.forEach(TestService::close);
            database.close();
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void a_database_that_never_answers_is_named_in_one_line_after_the_startup_wait() {
        int port = TestService.freePort();
        Map<String, String> env = Map.of("SHARING_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/sharing_nowhere",
                "SHARING_DB_USER", "sharing", "SHARING_DB_PASSWORD", "never-shown", "SHARING_DEMO", "false",
                "SHARING_DB_STARTUP_WAIT", "2s", "SHARING_SECRET", SECRET);
        long started = System.nanoTime();

        assertThatThrownBy(() -> TestService.start(env)).isInstanceOfSatisfying(IllegalStateException.class, e -> {
            // Application.main prints the innermost message of what the launcher threw: this one, whole.
            assertThat(e.getCause()).isNull();
            assertThat(e.getMessage())
                    .contains("127.0.0.1:" + port + "/sharing_nowhere")
                    .contains("did not answer within 2 s (SHARING_DB_STARTUP_WAIT)")
                    .contains("Connection refused")
                    .doesNotContain("never-shown")
                    .doesNotContain("\n");
        });
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).as("waited SHARING_DB_STARTUP_WAIT, then gave up").isBetween(2_000L, 8_000L);
    }
}
