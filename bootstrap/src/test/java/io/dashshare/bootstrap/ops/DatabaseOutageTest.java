package io.dashshare.bootstrap.ops;

import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, faults: the service's PostgreSQL is stopped under traffic (reads and writes), then
 * started again on the same data directory and port. Requests answer 503 promptly, the process
 * stays up, readiness says DOWN within 2 s, service resumes by itself within 2 s of the database's
 * return (issue 17), and nothing acknowledged is lost or half-written.
 */
class DatabaseOutageTest {

    private static final String POLICY = "[{\"filter_slug\":\"region\",\"filter_kind\":\"select\",\"mode\":\"fixed\","
            + "\"value\":\"north\"}]";

    private static TestService service;
    private static OpsApi ops;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of());
        ops = new OpsApi(service.api());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private record Answer(String what, long startedAt, int status, long millis, String errorCode) {
    }

    private static Answer timed(String what, java.util.function.Supplier<Reply> call) {
        long started = System.nanoTime();
        Reply reply = call.get();
        String code = reply.status() >= 400 ? reply.errorCode() : "";
        return new Answer(what, started, reply.status(), (System.nanoTime() - started) / 1_000_000, code);
    }

    @Test
    void a_database_outage_under_traffic_answers_503_fast_and_the_service_resumes_with_nothing_lost()
            throws Exception {
        ApiClient api = service.api();
        String dashboard = ops.salesDashboardId();
        String[] share = ops.publicShare("before the outage");
        String memberEmail = "outage-viewer@partner.test";
        String context = ops.contextWithMember("Outage partners", memberEmail);
        assertThat(api.post("/api/v1/share-auth/request",
                "{\"company_slug\":\"acme\",\"email\":\"" + memberEmail + "\"}").status()).isEqualTo(202);
        String code = service.latestCodeFor(memberEmail);
        String embed = ops.embedToken();

        // Traffic: viewers reading, the owner writing shares that carry a policy.
        AtomicBoolean running = new AtomicBoolean(true);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>());
        List<Thread> clients = new ArrayList<>();
        clients.add(new Thread(() -> {
            while (running.get()) {
                answers.add(timed("resolve", () -> api.get("/api/v1/public/shares/" + share[1] + "/resolve")));
                answers.add(timed("execute", () -> ops.execute(share[1], "{}")));
                answers.add(timed("embed", () -> api.get("/api/embed/d/" + embed + "/info")));
            }
        }));
        clients.add(new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                String name = "during " + i;
                Answer answer = timed("write", () -> api.post("/api/v1/dashboards/" + dashboard + "/shares",
                        "{\"name\":\"" + name + "\",\"share_filter_policies\":" + POLICY + "}",
                        "Authorization", bearer(ops.owner)));
                answers.add(answer);
                if (answer.status() == 201) {
                    acknowledged.add(name);
                }
            }
        }));
        clients.forEach(Thread::start);
        Thread.sleep(500);

        PostgresProcess postgres = PostgresProcess.of(service.dataDir());
        postgres.stop();
        long stopped = System.nanoTime();
        long readinessDownAt = waitFor(() -> api.get("/health/readiness").status() == 503, 5_000);
        Thread.sleep(2_500);

        Reply readiness = api.get("/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(api.get("/health/liveness").status()).as("the process is alive").isEqualTo(200);

        long restarting = System.nanoTime();
        postgres.start();
        long restarted = System.nanoTime();
        waitFor(() -> api.get("/api/v1/public/shares/" + share[1] + "/resolve").status() == 200, 10_000);
        long resumedMillis = (System.nanoTime() - restarted) / 1_000_000;
        Thread.sleep(300);
        running.set(false);
        for (Thread client : clients) {
            client.join(10_000);
        }

        List<Answer> duringOutage;
        synchronized (answers) {
            duringOutage = answers.stream().filter(a -> a.startedAt() > stopped && a.startedAt() < restarting).toList();
        }
        assertThat(readinessDownAt).as("readiness turned DOWN within").isLessThan(2_000);
        assertThat(duringOutage).as("traffic during the outage").hasSizeGreaterThan(10)
                .allSatisfy(a -> {
                    assertThat(a.status()).as(a.toString()).isEqualTo(503);
                    assertThat(a.errorCode()).as(a.toString()).isEqualTo("SERVICE_UNAVAILABLE");
                    // At most the pool's 0.5 s connection timeout, for the first requests of the outage.
                    assertThat(a.millis()).as("no request hangs: " + a).isLessThan(2_000);
                });
        List<Long> latencies = duringOutage.stream().map(Answer::millis).sorted().toList();
        System.out.printf("outage: %d requests while down, median %d ms, max %d ms; readiness DOWN after %d ms;"
                + " resumed %d ms after the database returned%n", latencies.size(), latencies.get(latencies.size() / 2),
                latencies.get(latencies.size() - 1), readinessDownAt, resumedMillis);
        assertThat(latencies.get(latencies.size() / 2)).as("median answer while down, ms").isLessThan(500);
        assertThat(answers).as("nothing but 200/201 and 503: " + answers.stream()
                        .filter(a -> a.status() != 200 && a.status() != 201 && a.status() != 503).toList())
                .allSatisfy(a -> assertThat(a.status()).isIn(200, 201, 503));
        assertThat(resumedMillis).as("service resumed after the database returned, ms").isLessThan(2_000);

        // Nothing lost: what existed before is intact, every acknowledged write exists, none is half-written.
        assertThat(api.get("/health/readiness").status()).isEqualTo(200);
        assertThat(ops.execute(share[1], "{}").status()).isEqualTo(200);
        assertThat(api.get("/api/embed/d/" + embed + "/info").status()).isEqualTo(200);
        JsonNode members = OpsApi.ok(api.get("/api/v1/share-contexts/" + context + "/members",
                "Authorization", bearer(ops.owner)), 200).get("members");
        assertThat(members).extracting(m -> m.get("email").asText()).containsExactly(memberEmail);
        Reply verified = api.post("/api/v1/share-auth/verify",
                "{\"company_slug\":\"acme\",\"email\":\"" + memberEmail + "\",\"code\":\"" + code + "\"}");
        assertThat(verified.status()).as("the code requested before the outage still works").isEqualTo(200);
        List<JsonNode> during = new ArrayList<>();
        OpsApi.ok(api.get("/api/v1/dashboards/" + dashboard + "/shares", "Authorization", bearer(ops.owner)), 200)
                .get("shares").forEach(s -> {
                    if (s.get("name").asText().startsWith("during ")) {
                        during.add(s);
                    }
                });
        assertThat(during).extracting(s -> s.get("name").asText()).containsAll(acknowledged);
        assertThat(during).allSatisfy(s -> {
            assertThat(s.get("share_filter_policies")).as("policies of " + s.get("name")).hasSize(1);
            assertThat(s.get("share_filter_policies").get(0).get("value").asText()).isEqualTo("north");
        });
    }

    /** Polls until {@code condition} holds; returns how long it took, or fails after {@code limitMillis}. */
    private static long waitFor(java.util.function.BooleanSupplier condition, long limitMillis)
            throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            if (condition.getAsBoolean()) {
                return elapsed;
            }
            if (elapsed > limitMillis) {
                throw new AssertionError("condition not met within " + limitMillis + " ms");
            }
            Thread.sleep(100);
        }
    }
}
