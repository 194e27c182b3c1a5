package io.dashshare.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.RowWeight;
import io.dashshare.domain.port.ResultCache.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CaffeineResultCacheTest {

    private static final QueryResult RESULT =
            new QueryResult(List.of(new Column("n", "number")), List.of(List.of(1L)), false, 3);
    private static final QueryResult OTHER =
            new QueryResult(List.of(new Column("n", "number")), List.of(List.of(2L)), false, 3);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long MAX_BYTES = 16L << 20;

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger computed = new AtomicInteger();
    private final ExecutorService viewers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        viewers.shutdownNow();
    }

    private static Key key(String widget) {
        return new Key("company-a", "dash", 1, widget, "{}");
    }

    private Supplier<QueryResult> counting(QueryResult result) {
        return () -> {
            computed.incrementAndGet();
            return result;
        };
    }

    @Test
    void peek_answers_a_kept_result_and_never_computes_nor_waits_for_one_under_way() throws Exception {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 10, MAX_BYTES, WAIT);
        assertThat(cache.peek(key("w"))).isEmpty();
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<QueryResult> first = viewers.submit(() -> cache.get(key("w"), () -> {
            computing.countDown();
            await(release);
            return RESULT;
        }));
        assertThat(computing.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(cache.peek(key("w"))).as("under way").isEmpty();
        release.countDown();
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(cache.peek(key("w"))).contains(RESULT);
        now = now.plusSeconds(30);
        assertThat(cache.peek(key("w"))).as("expired").isEmpty();
    }

    @Test
    void peek_finds_nothing_after_a_failure_or_with_caching_off() {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 10, MAX_BYTES, WAIT);
        assertThatThrownBy(() -> cache.get(key("w"), () -> {
            throw new QueryFailedException(QueryFailedException.Reason.TIMEOUT, "slow", null);
        })).isInstanceOf(QueryFailedException.class);
        assertThat(cache.peek(key("w"))).isEmpty();

        CaffeineResultCache off = new CaffeineResultCache(clock, Duration.ZERO, 10, MAX_BYTES, WAIT);
        off.get(key("w"), counting(RESULT));
        assertThat(off.peek(key("w"))).isEmpty();
    }

    @Test
    void a_result_is_served_until_its_ttl_ends() {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 10, MAX_BYTES, WAIT);
        cache.get(key("w"), counting(RESULT));

        now = now.plusSeconds(29);
        assertThat(cache.get(key("w"), counting(OTHER))).isEqualTo(RESULT);
        now = now.plusSeconds(1);
        assertThat(cache.get(key("w"), counting(OTHER))).isEqualTo(OTHER);
        assertThat(computed).hasValue(2);
    }

    @Test
    void keys_differing_in_company_version_or_parameters_never_share_a_result() {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 10, MAX_BYTES, WAIT);
        cache.get(new Key("company-a", "dash", 1, "w", "{\"region\":\"north\"}"), counting(RESULT));

        assertThat(cache.get(new Key("company-b", "dash", 1, "w", "{\"region\":\"north\"}"), counting(OTHER))).isEqualTo(OTHER);
        assertThat(cache.get(new Key("company-a", "dash", 2, "w", "{\"region\":\"north\"}"), counting(OTHER))).isEqualTo(OTHER);
        assertThat(cache.get(new Key("company-a", "dash", 1, "w", "{}"), counting(OTHER))).isEqualTo(OTHER);
        assertThat(cache.get(new Key("company-a", "dash", 1, "w", "{\"region\":\"north\"}"), counting(OTHER))).isEqualTo(RESULT);
    }

    @Test
    void a_zero_ttl_caches_nothing() {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ZERO, 10, MAX_BYTES, WAIT);
        cache.get(key("w"), counting(RESULT));
        cache.get(key("w"), counting(RESULT));

        assertThat(cache.enabled()).isFalse();
        assertThat(computed).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void the_cache_never_holds_more_than_its_bound() {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 2, MAX_BYTES, WAIT);
        for (int i = 0; i < 50; i++) {
            cache.get(key("w" + i), counting(RESULT));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(2);
    }

    /** 10,000 rows of six cells: what one widget at the default row cap may answer. */
    private static QueryResult large(int seed) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(List.of((long) i, "2025-01-" + (i % 28 + 1), "customer-" + seed + "-" + i, "EMEA", "shipped",
                    new java.math.BigDecimal("1234.56")));
        }
        return new QueryResult(List.of(new Column("id", "number"), new Column("order_date", "date"),
                new Column("customer", "text"), new Column("region", "text"), new Column("status", "text"),
                new Column("amount", "number")), rows, false, 3);
    }

    @Test
    void large_results_are_bounded_by_their_bytes_not_only_by_their_count() {
        long eightMb = 8L << 20;
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 10_000, eightMb, WAIT);
        QueryResult one = large(0);
        long weight = RowWeight.of(one);
        for (int i = 0; i < 20; i++) {
            cache.get(key("w" + i), counting(large(i)));
        }

        assertThat(cache.size()).isPositive().isLessThanOrEqualTo(eightMb / weight);
    }

    @Test
    void the_estimate_is_of_the_order_of_the_objects_a_result_holds() {
        // Per row: its list (16 + 40), a Long (16), four Strings of 4-20 characters (40 + 8-40
        // each) and a BigDecimal (80 with room for its BigInteger): about 350-450 bytes.
        long perRow = RowWeight.of(large(0)) / 10_000;

        assertThat(perRow).isBetween(300L, 600L);
        assertThat(RowWeight.of(RESULT)).isBetween(100L, 400L);
    }

    @Test
    void a_result_larger_than_the_whole_bound_is_answered_and_not_kept() {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 10, 1L << 20, WAIT);

        assertThat(cache.get(key("w"), counting(large(0))).rows()).hasSize(10_000);
        assertThat(cache.size()).isZero();
        assertThat(cache.get(key("w"), counting(large(0))).rows()).hasSize(10_000);
        assertThat(computed).hasValue(2);
    }

    @Test
    void a_failure_is_not_kept() {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 10, MAX_BYTES, WAIT);
        assertThatThrownBy(() -> cache.get(key("w"), () -> {
            throw new QueryFailedException(QueryFailedException.Reason.REJECTED, "boom", null);
        })).isInstanceOf(QueryFailedException.class);

        assertThat(cache.get(key("w"), counting(RESULT))).isEqualTo(RESULT);
    }

    @Test
    void concurrent_callers_of_a_missing_key_share_one_computation() throws Exception {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 10, MAX_BYTES, WAIT);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<QueryResult>> answers = eightCallersAtOnce(cache, () -> {
            computed.incrementAndGet();
            await(release);
            return RESULT;
        }, release);

        for (Future<QueryResult> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(RESULT);
        }
        assertThat(computed).hasValue(1);
    }

    @Test
    void concurrent_callers_share_a_failure_and_the_next_caller_computes_again() throws Exception {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 10, MAX_BYTES, WAIT);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<QueryResult>> answers = eightCallersAtOnce(cache, () -> {
            computed.incrementAndGet();
            await(release);
            throw new QueryFailedException(QueryFailedException.Reason.TIMEOUT, "slow", null);
        }, release);

        for (Future<QueryResult> answer : answers) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(QueryFailedException.class);
        }
        assertThat(computed).hasValue(1);
        assertThat(cache.get(key("w"), counting(RESULT))).isEqualTo(RESULT);
    }

    @Test
    void with_caching_off_concurrent_callers_each_compute() throws Exception {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ZERO, 10, MAX_BYTES, WAIT);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<QueryResult>> answers = eightCallersAtOnce(cache, () -> {
            computed.incrementAndGet();
            await(release);
            return RESULT;
        }, release);

        for (Future<QueryResult> answer : answers) {
            answer.get(10, TimeUnit.SECONDS);
        }
        assertThat(computed).hasValue(8);
    }

    @Test
    void a_waiter_computes_for_itself_after_its_longest_wait() throws Exception {
        CaffeineResultCache cache = new CaffeineResultCache(clock, Duration.ofSeconds(30), 10, MAX_BYTES, Duration.ofMillis(100));
        CountDownLatch release = new CountDownLatch(1);
        Future<QueryResult> first = viewers.submit(() -> cache.get(key("w"), () -> {
            await(release);
            return RESULT;
        }));
        Thread.sleep(100);

        assertThat(cache.get(key("w"), counting(OTHER))).isEqualTo(OTHER);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(RESULT);
    }

    private List<Future<QueryResult>> eightCallersAtOnce(CaffeineResultCache cache, Supplier<QueryResult> compute,
                                                          CountDownLatch release) throws InterruptedException {
        List<Future<QueryResult>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(viewers.submit(() -> cache.get(key("w"), compute)));
        }
        Thread.sleep(300);
        release.countDown();
        return answers;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
