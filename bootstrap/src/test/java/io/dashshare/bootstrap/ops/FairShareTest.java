package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, fair use of a data source (docs/operations.md): a slow dashboard hammered by many
 * cache-missing requests holds at most its share of the source's slots (half of the demo source's
 * 5, i.e. 2), so a fast dashboard on the same source keeps answering 200, and every request of the
 * slow one that finds its share full answers 429 RATE_LIMITED with Retry-After within a second,
 * never after a widget's sleep. Bounds are on single requests, not on a burst's total, so a
 * loaded machine slows the burst without failing the test.
 */
class FairShareTest {

    /** Each slow widget sleeps this long; a refusal that waited for one would show as at least this. */
    private static final Duration SLEEP = Duration.ofSeconds(3);
    private static final Duration HAMMER = Duration.ofSeconds(8);
    private static final int HAMMERERS = 8;

    private static TestService service;
    private static Owner owner;
    private static String slowToken;
    private static String fastToken;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of(
                // Every request a cache miss, as new parameter values would make them.
                "SHARING_CACHE_TTL", "0s",
                "SHARING_LIMITS_EXECUTIONS_PER_SHARE_PER_MINUTE", "0"));
        owner = Owner.acme(service.api());
        String slow = owner.createDashboard("""
                {"slug": "slow-fair", "name": "Slow", "data_source": "demo", "filters": [],
                 "widgets": [{"slug": "slept", "title": "Slept", "visualization": "number",
                              "sql": "select pg_sleep(%d) is null as slept"}]}""".formatted(SLEEP.toSeconds()));
        String fast = owner.createDashboard("""
                {"slug": "fast-fair", "name": "Fast", "data_source": "demo", "filters": [],
                 "widgets": [{"slug": "orders", "title": "Orders", "visualization": "number",
                              "sql": "select count(*) as orders from demo.orders"}]}""");
        slowToken = owner.linkShare(slow, "\"downloads\": true").get("token").asText();
        fastToken = owner.linkShare(fast, "").get("token").asText();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Reply execute(String token) {
        return service.api().post("/api/v1/public/shares/" + token + "/execute", "{\"parameters\": {}}");
    }

    private static Reply export(String token) {
        return service.api().post("/api/v1/public/shares/" + token + "/widgets/slept/export",
                "{\"parameters\": {}, \"format\": \"csv\"}");
    }

    /** One answer and how long it took. */
    private record Timed(Reply reply, long millis) {
        static Timed of(java.util.function.Supplier<Reply> call) {
            long started = System.nanoTime();
            Reply reply = call.get();
            return new Timed(reply, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void assertBusy(Timed answer) {
        assertThat(answer.reply().status()).as("%s", answer.reply()).isEqualTo(429);
        assertThat(answer.reply().errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(answer.reply().header("Retry-After")).hasValue("1");
        assertThat(answer.millis()).as("a refusal answers within a second, not after a widget's %s", SLEEP)
                .isLessThan(1_000);
    }

    private static double busyRejections() {
        String metrics = service.api().get("/prometheus").body();
        Matcher m = Pattern.compile("^sharing_rate_limit_rejections_total\\{limit=\"data-source-busy\"} ([0-9.E+-]+)$",
                Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void a_hammered_slow_dashboard_keeps_half_the_slots_the_fast_one_answers_and_each_refusal_comes_within_a_second()
            throws Exception {
        double rejectedBefore = busyRejections();
        List<Timed> slowAnswers = Collections.synchronizedList(new ArrayList<>());
        List<Timed> exports = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + HAMMER.toNanos();
        ExecutorService hammer = Executors.newFixedThreadPool(HAMMERERS);
        List<Future<?>> running = new ArrayList<>();
        List<Timed> fastAnswers = new ArrayList<>();
        try {
            for (int i = 0; i < HAMMERERS; i++) {
                running.add(hammer.submit(() -> {
                    while (System.nanoTime() < end) {
                        Timed answer = Timed.of(() -> execute(slowToken));
                        slowAnswers.add(answer);
                        if (answer.reply().status() == 429) {
                            // A client honouring Retry-After less than it should: enough to keep the share
                            // full, not so much that the test's own load decides how fast a refusal comes.
                            Thread.sleep(250);
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(1_000);
            while (System.nanoTime() < end - Duration.ofSeconds(1).toNanos()) {
                fastAnswers.add(Timed.of(() -> execute(fastToken)));
                exports.add(Timed.of(() -> export(slowToken)));
                Thread.sleep(200);
            }
            for (Future<?> hammering : running) {
                hammering.get();
            }
        } finally {
            hammer.shutdownNow();
        }

        assertThat(fastAnswers).as("the fast dashboard answered throughout").hasSizeGreaterThan(3);
        for (Timed answer : fastAnswers) {
            assertThat(answer.reply().status()).as("fast dashboard beside the slow one: %s", answer.reply())
                    .isEqualTo(200);
            assertThat(answer.millis()).as("the fast dashboard never waits behind the slow one")
                    .isLessThan(SLEEP.toMillis());
        }
        List<Timed> refused = slowAnswers.stream().filter(a -> a.reply().status() != 200).toList();
        List<Timed> served = slowAnswers.stream().filter(a -> a.reply().status() == 200).toList();
        assertThat(served).as("the slow dashboard keeps its share").isNotEmpty();
        assertThat(refused).as("and is refused past it").isNotEmpty();
        refused.forEach(FairShareTest::assertBusy);
        long slowestRefusal = refused.stream().mapToLong(Timed::millis).max().orElseThrow();
        System.out.printf("FairShareTest: slow %d served, %d refused (slowest refusal %d ms); fast %d, max %d ms%n",
                served.size(), refused.size(), slowestRefusal, fastAnswers.size(),
                fastAnswers.stream().mapToLong(Timed::millis).max().orElseThrow());
        assertThat(served.size()).as("at most 2 slow executions at a time over %s", HAMMER)
                .isLessThanOrEqualTo(2 * (int) (HAMMER.toSeconds() / SLEEP.toSeconds() + 2));
        assertThat(exports).as("an export of the slow dashboard is under the same share")
                .allSatisfy(export -> {
                    if (export.reply().status() != 200) {
                        assertBusy(export);
                    }
                })
                .anySatisfy(export -> assertThat(export.reply().status()).isEqualTo(429));
        assertThat(busyRejections() - rejectedBefore).as("every refusal counted as data-source-busy")
                .isEqualTo(refused.size() + exports.stream().filter(e -> e.reply().status() == 429).count());
    }
}
