package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, protection: execution quotas per share and per embedded dashboard, and the cap on
 * concurrent queries per data source, all answering 429 RATE_LIMITED with Retry-After.
 */
class ProtectionTest {

    private static TestService service;
    private static OpsApi ops;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of(
                "SHARING_CACHE_TTL", "0s",
                "SHARING_LIMITS_EXECUTIONS_PER_SHARE_PER_MINUTE", "3",
                "SHARING_LIMITS_EXECUTIONS_PER_EMBED_DASHBOARD_PER_MINUTE", "2",
                "SHARING_DATA_SOURCES_DEMO_MAX_CONCURRENT_QUERIES", "1",
                "SHARING_DATA_SOURCES_DEMO_MAX_QUEUED_QUERIES", "1",
                "SHARING_DATA_SOURCES_DEMO_QUEUE_TIMEOUT_MS", "20"));
        ops = new OpsApi(service.api());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static void assertRateLimited(Reply reply, long maxRetryAfterSeconds) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(reply.json().path("request_id").asText()).isNotBlank();
        assertThat(reply.header("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, maxRetryAfterSeconds));
    }

    @Test
    void a_share_over_its_executions_per_minute_answers_429_and_other_shares_go_on() {
        String token = ops.publicShare("quota")[1];
        for (int i = 0; i < 3; i++) {
            assertThat(ops.execute(token, "{}").status()).isEqualTo(200);
        }

        assertRateLimited(ops.execute(token, "{}"), 60);
        assertThat(ops.execute(ops.publicShare("quota, other")[1], "{}").status()).isEqualTo(200);
    }

    @Test
    void an_embedded_dashboard_over_its_executions_per_minute_answers_429_whatever_the_token() {
        String first = ops.embedToken();
        String second = ops.embedToken();
        assertThat(service.api().post("/api/embed/d/" + first + "/execute", "{\"parameters\":{}}").status())
                .isEqualTo(200);
        assertThat(service.api().post("/api/embed/d/" + second + "/execute", "{\"parameters\":{}}").status())
                .isEqualTo(200);

        assertRateLimited(service.api().post("/api/embed/d/" + first + "/execute", "{\"parameters\":{}}"), 60);
        assertThat(service.api().get("/api/embed/d/" + second + "/info").status())
                .as("info runs no SQL and is not counted").isEqualTo(200);
    }

    @Test
    void queries_beyond_the_data_sources_cap_answer_429_at_once_instead_of_queueing() throws Exception {
        int burst = 10;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            tokens.add(ops.publicShare("burst " + i)[1]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> answers = new ArrayList<>();
        try {
            for (String token : tokens) {
                answers.add(pool.submit(() -> {
                    go.await();
                    long started = System.nanoTime();
                    Reply reply = ops.execute(token, "{}");
                    if (reply.status() == 429) {
                        assertRateLimited(reply, 1);
                    }
                    return new long[] {reply.status(), (System.nanoTime() - started) / 1_000_000};
                }));
            }
            go.countDown();
            List<Long> statuses = new ArrayList<>();
            for (Future<long[]> answer : answers) {
                long[] result = answer.get();
                statuses.add(result[0]);
                if (result[0] == 429) {
                    assertThat(result[1]).as("a refusal comes at once, not after the pool's connection timeout")
                            .isLessThan(1_500);
                }
            }

            assertThat(statuses).containsOnly(200L, 429L).contains(429L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ops.execute(tokens.get(0), "{}").status()).as("the cap frees as queries end").isEqualTo(200);
    }
}
