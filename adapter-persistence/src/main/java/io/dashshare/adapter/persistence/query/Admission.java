package io.dashshare.adapter.persistence.query;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-source cap on queries in flight. It lives in memory on purpose: what it protects is
 * this instance's pool and request threads, and a local bound needs no round trip. Up to
 * {@code cap} queries run; up to {@code maxQueued} more wait at most {@code maxWait} for a turn;
 * anything beyond is refused at once (the executor's TOO_BUSY, 429 with Retry-After) rather than
 * queueing behind the pool's connection timeout.
 *
 * <p>A turn is a {@link Permit} the caller holds for as long as it uses the source (a statement,
 * or a cursor it reads from), so tighter bounds layered over this one can hold their own permit
 * beside it.
 */
final class Admission {

    /** One turn on the source; closing it gives the turn back, once however often it is closed. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int cap;
    private final int maxQueued;
    private final long maxWaitNanos;

    Admission(int cap, int maxQueued, Duration maxWait) {
        this.cap = cap;
        // Fair, so that a query waiting its turn is not overtaken by one that just arrived.
        this.running = new Semaphore(cap, true);
        this.maxQueued = maxQueued;
        this.maxWaitNanos = maxWait.toNanos();
    }

    static Admission of(DataSourceSettings settings) {
        DataSourceSettings.Admission bounds = settings.admission();
        return new Admission(settings.concurrencyCap(), bounds.maxQueued(), bounds.maxWait());
    }

    /**
     * The lane of streaming exports: at most half the source's cap (at least one), never queued.
     * An export holds its connection for as long as its client takes to read, so a few slow
     * downloads must not take every turn from the dashboards of the same source (docs/api.md,
     * exports: a refused export is 429 and may be retried).
     */
    static Admission exportsOf(DataSourceSettings settings) {
        return new Admission(Math.max(1, settings.concurrencyCap() / 2), 0, Duration.ZERO);
    }

    /** A turn now, or after waiting at most {@code maxWait}; empty when the queue is full or the wait ran out. */
    Optional<Permit> enter() {
        return acquired(maxWaitNanos) ? Optional.of(permit()) : Optional.empty();
    }

    /** As {@link #enter()}, waiting at most until {@code deadline} ({@link System#nanoTime()}) and never past {@code maxWait}. */
    Optional<Permit> enterBy(long deadline) {
        long left = Math.max(0, Math.min(maxWaitNanos, deadline - System.nanoTime()));
        return acquired(left) ? Optional.of(permit()) : Optional.empty();
    }

    /** The deadline of a wait that starts now. */
    long deadlineFromNow() {
        return System.nanoTime() + maxWaitNanos;
    }

    /**
     * A turn only if one is free now and no query waits for one: never queued, never ahead of the
     * queue (the further slots of an execution that has its first must not overtake another
     * execution's first).
     */
    Optional<Permit> enterNow() {
        return freeNow() ? Optional.of(permit()) : Optional.empty();
    }

    private boolean acquired(long waitNanos) {
        if (freeNow()) {
            return true;
        }
        try {
            if (waiting.incrementAndGet() > maxQueued) {
                waiting.decrementAndGet();
                return false;
            }
            try {
                return running.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A free permit, in the fair semaphore's order: {@code tryAcquire()} without a timeout would barge ahead of waiters. */
    private boolean freeNow() {
        try {
            return running.tryAcquire(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Permit permit() {
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.compareAndSet(true, false)) {
                running.release();
            }
        };
    }

    int inFlight() {
        return cap - running.availablePermits();
    }

    int queued() {
        return waiting.get();
    }

    /** For the refusal's diagnostic. */
    String describe() {
        return inFlight() + " queries running and " + queued() + " waiting";
    }
}
