package io.dashshare.adapter.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.RowWeight;
import io.dashshare.domain.port.ResultCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Widget results for a short time, per JVM, on Caffeine: bounded both in entries and in the heap
 * their rows take (an estimate, {@link RowWeight}; its eviction policy decides what goes first)
 * so that many distinct parameter combinations, or a few results of many rows each, cannot grow
 * the heap past what the operator sized it for (docs/operations.md, "Memory and JVM options"), and
 * expiring a fixed time after they were computed. A time to live of zero turns caching off.
 *
 * <p>Single flight: a missing key holds a future while its first caller computes, so viewers who
 * arrive together when a popular link's entries expire share one execution (and its failure)
 * instead of sending the same SQL to the data source at once. The computation runs on the first
 * caller's own thread, within its request; a waiter gives up waiting after {@code maxWait} (a
 * statement cannot run longer than its timeout) and computes for itself.
 */
public final class CaffeineResultCache implements ResultCache {

    private final AsyncCache<Key, QueryResult> entries;
    private final boolean enabled;
    private final Duration maxWait;

    /**
     * Both bounds hold at once through one Caffeine weight (Caffeine takes a count or a weight,
     * not both): an entry weighs its estimated bytes, and at least {@code maxBytes / maxEntries},
     * so the weights of more than {@code maxEntries} entries always exceed {@code maxBytes}.
     */
    public CaffeineResultCache(Clock clock, Duration ttl, long maxEntries, long maxBytes, Duration maxWait) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        this.enabled = !ttl.isZero() && maxEntries > 0 && maxBytes > 0;
        long least = enabled ? Math.max(1, maxBytes / maxEntries) : 1;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.entries = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .maximumWeight(enabled ? maxBytes : 0)
                .weigher((Key key, QueryResult result) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(least, RowWeight.of(result))))
                .executor(Runnable::run)
                .buildAsync();
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public QueryResult get(Key key, Supplier<QueryResult> compute) {
        if (!enabled) {
            return compute.get();
        }
        CompletableFuture<QueryResult> mine = new CompletableFuture<>();
        CompletableFuture<QueryResult> running = entries.asMap().putIfAbsent(key, mine);
        if (running != null) {
            return await(running, compute);
        }
        try {
            QueryResult result = compute.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            // Caffeine drops a future that completes exceptionally: failures are never kept.
            entries.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** A kept result only: a computation under way is not waited for (its future is not done yet). */
    @Override
    public Optional<QueryResult> peek(Key key) {
        if (!enabled) {
            return Optional.empty();
        }
        CompletableFuture<QueryResult> kept = entries.getIfPresent(key);
        if (kept == null || !kept.isDone() || kept.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.ofNullable(kept.getNow(null));
    }

    private QueryResult await(CompletableFuture<QueryResult> running, Supplier<QueryResult> compute) {
        try {
            return running.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return compute.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryFailedException(QueryFailedException.Reason.UNAVAILABLE, "interrupted", e);
        }
    }

    /** Entries kept now (after pending expiry), for tests and metrics. */
    public long size() {
        entries.synchronous().cleanUp();
        return entries.synchronous().estimatedSize();
    }
}
