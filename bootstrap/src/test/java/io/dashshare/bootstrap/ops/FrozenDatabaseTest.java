package io.dashshare.bootstrap.ops;

import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 17, faults: the service's PostgreSQL is frozen (SIGSTOP on the postmaster and its
 * children), which refuses nothing: connections stay open, the kernel accepts new ones, and no
 * query ever comes back. Readiness turns DOWN within 2 s with or without traffic, no request
 * waits longer than the service database's deadline (the socket timeout, 1 s past the 2 s
 * statement timeout), later ones answer 503 at once, the outage is a handful of log lines, and the
 * service answers 200 again within 2 s of the database resuming.
 */
class FrozenDatabaseTest {

    /** The pool's socket timeout (ServiceDatabase: statement timeout 2 s, plus 1 s), plus slack for a busy machine. */
    private static final long DEADLINE_MILLIS = 3_000 + 1_000;
    private static final long DETECTED_WITHIN_MILLIS = 2_000;
    private static final long RECOVERED_WITHIN_MILLIS = 2_000;

    private static TestService service;
    private static OpsApi ops;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("SHARING_CACHE_TTL", "0s"));
        api = service.api();
        ops = new OpsApi(api);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private record Answer(String what, long startedAt, long endedAt, int status) {
        long millis() {
            return (endedAt - startedAt) / 1_000_000;
        }
    }

    private static Answer timed(String what, Supplier<Reply> call) {
        long started = System.nanoTime();
        int status;
        try {
            status = call.get().status();
        } catch (RuntimeException e) {
            status = -1;
        }
        return new Answer(what, started, System.nanoTime(), status);
    }

    @Test
    void without_traffic_readiness_turns_down_within_2_s_and_the_service_answers_within_2_s_of_the_thaw()
            throws Exception {
        String[] share = ops.publicShare("frozen, quietly");
        assertThat(api.get("/api/v1/public/shares/" + share[1] + "/resolve").status()).isEqualTo(200);
        Thread.sleep(1_000);

        PostgresProcess postgres = PostgresProcess.of(service.dataDir());
        long down;
        List<Answer> whileFrozen = new ArrayList<>();
        long thawed;
        try (PostgresProcess.Freeze freeze = postgres.freeze()) {
            down = waitFor(() -> api.get("/health/readiness").status() == 503, 5_000);
            for (int i = 0; i < 10; i++) {
                whileFrozen.add(timed("resolve", () -> api.get("/api/v1/public/shares/" + share[1] + "/resolve")));
                whileFrozen.add(timed("login", () -> api.post("/api/v1/auth/login",
                        "{\"email\":\"" + TestService.ADMIN_EMAIL + "\",\"password\":\"x\"}")));
            }
            thawed = System.nanoTime();
        }
        long resumed = waitFor(() -> api.get("/api/v1/public/shares/" + share[1] + "/resolve").status() == 200,
                10_000);
        long sinceThaw = (System.nanoTime() - thawed) / 1_000_000;
        System.out.printf("frozen, no traffic: readiness DOWN after %d ms; first 200 %d ms after the thaw%n", down,
                sinceThaw);

        assertThat(down).as("readiness DOWN after the freeze, ms").isLessThan(DETECTED_WITHIN_MILLIS);
        assertThat(whileFrozen).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(503);
            assertThat(a.millis()).as("refused at once once the gate is closed: " + a).isLessThan(500);
        });
        assertThat(resumed).as("first 200 after the thaw, ms").isLessThan(RECOVERED_WITHIN_MILLIS);
        assertThat(api.get("/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void under_traffic_no_request_waits_past_its_deadline_and_the_outage_is_a_few_log_lines() throws Exception {
        String[] share = ops.publicShare("frozen, under traffic");
        String dashboard = ops.salesDashboardId();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            clients.add(new Thread(() -> {
                while (running.get()) {
                    answers.add(timed("resolve", () -> api.get("/api/v1/public/shares/" + share[1] + "/resolve")));
                    answers.add(timed("list shares", () -> api.get("/api/v1/dashboards/" + dashboard + "/shares",
                            "Authorization", bearer(ops.owner))));
                }
            }));
        }
        clients.add(new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                String name = "frozen " + i;
                answers.add(timed("write", () -> api.post("/api/v1/dashboards/" + dashboard + "/shares",
                        "{\"name\":\"" + name + "\"}", "Authorization", bearer(ops.owner))));
            }
        }));
        PostgresProcess postgres = PostgresProcess.of(service.dataDir());
        long frozenAt;
        long down;
        long thawed;
        try (WarningCapture warnings = new WarningCapture()) {
            clients.forEach(Thread::start);
            Thread.sleep(700);
            try (PostgresProcess.Freeze freeze = postgres.freeze()) {
                frozenAt = System.nanoTime();
                down = waitFor(() -> api.get("/health/readiness").status() == 503, 5_000);
                // Long enough for a request caught in flight to reach its socket timeout.
                Thread.sleep(DEADLINE_MILLIS + 500 - down);
                thawed = System.nanoTime();
            }
            long resumed = waitFor(() -> api.get("/api/v1/public/shares/" + share[1] + "/resolve").status() == 200,
                    10_000);
            Thread.sleep(300);
            running.set(false);
            for (Thread client : clients) {
                client.join(10_000);
            }
            List<Answer> duringFreeze;
            synchronized (answers) {
                duringFreeze = answers.stream().filter(a -> a.endedAt() > frozenAt && a.startedAt() < thawed).toList();
            }
            long slowest = duringFreeze.stream().mapToLong(Answer::millis).max().orElse(0);
            System.out.printf("frozen under traffic: readiness DOWN after %d ms; %d requests while frozen, slowest %d ms;"
                    + " first 200 %d ms after the thaw; warnings: %s%n", down, duringFreeze.size(), slowest,
                    (System.nanoTime() - thawed) / 1_000_000 - 300, warnings.lines());

            assertThat(down).as("readiness DOWN after the freeze, ms").isLessThan(DETECTED_WITHIN_MILLIS);
            assertThat(resumed).as("first 200 after the thaw, ms").isLessThan(RECOVERED_WITHIN_MILLIS);
            assertThat(duringFreeze).as("requests while frozen").hasSizeGreaterThan(10).allSatisfy(a -> {
                assertThat(a.status()).as(a.toString()).isIn(200, 201, 503);
                assertThat(a.millis()).as("within the service database's deadline: " + a).isLessThan(DEADLINE_MILLIS);
            });
            assertThat(duringFreeze.stream().filter(a -> a.startedAt() > frozenAt + (down + 500) * 1_000_000L))
                    .as("once the gate is closed, refused at once")
                    .allSatisfy(a -> assertThat(a.millis()).as(a.toString()).isLessThan(500));
            // One line when each gate (service database, demo data source) closes and one when it opens, at most one
            // (throttled) for the pool that ran dry before the gate closed; not one per 503.
            assertThat(warnings.lines()).filteredOn(line -> line.startsWith("io.dashshare")).hasSizeLessThanOrEqualTo(6)
                    .noneMatch(line -> line.contains("SharingExceptionHandler"))
                    .filteredOn(line -> line.contains("DatabaseFailures")).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(api.get("/health/readiness").status()).isEqualTo(200);
    }

    /** Polls until {@code condition} holds; returns how long it took, or fails after {@code limitMillis}. */
    private static long waitFor(BooleanSupplier condition, long limitMillis) throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            if (condition.getAsBoolean()) {
                return elapsed;
            }
            if (elapsed > limitMillis) {
                throw new AssertionError("condition not met within " + limitMillis + " ms");
            }
            Thread.sleep(50);
        }
    }

    /** Every WARN or ERROR logged while open, as "logger message". */
    private static final class WarningCapture implements AutoCloseable {

        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                    lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
                }
            }
        };

        WarningCapture() {
            appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
            appender.start();
            root.addAppender(appender);
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        @Override
        public void close() {
            root.detachAppender(appender);
            appender.stop();
        }
    }
}
