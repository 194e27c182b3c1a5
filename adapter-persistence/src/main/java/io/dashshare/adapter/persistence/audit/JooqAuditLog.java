package io.dashshare.adapter.persistence.audit;

import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.port.AuditLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log's writer (docs/api.md, audit log): {@link #record} only offers the event to a
 * bounded in-memory queue, so a viewer never waits for it; {@link #flush}, run about every second
 * by the service and once more on shutdown, drains the queue in batches of one statement
 * each (a COPY; a retry is an insert that skips what is there). Every instance writes its own events (ids are random UUIDs), so N instances need no
 * coordination.
 *
 * <p>An event is never silently lost: a full queue drops the new event, and a batch that still
 * fails after {@code maxAttempts} flushes is dropped whole; both are counted through
 * {@link Drops} ({@code sharing_audit_dropped_total}, tag {@code reason}) and logged, at most one
 * WARN per burst with its count.
 */
public final class JooqAuditLog implements AuditLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JooqAuditLog.class);
    public static final String QUEUE_FULL = "queue_full";
    public static final String WRITE_FAILED = "write_failed";

    /** Where dropped events are counted (the service's Micrometer counter); reason is {@link #QUEUE_FULL} or {@link #WRITE_FAILED}. */
    @FunctionalInterface
    public interface Drops {
        void dropped(String reason, int events);
    }

    /**
     * {@code capacity} events wait at most; a flush writes batches of {@code batchSize} and gives a
     * failed batch {@code maxAttempts} flushes in all; a WARN about drops at most every {@code warnEvery}.
     */
    public record Settings(int capacity, int batchSize, int maxAttempts, Duration warnEvery) {
        public static final Settings DEFAULTS = new Settings(20_000, 500, 3, Duration.ofSeconds(30));

        public Settings {
            if (capacity < 1 || batchSize < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("audit writer: capacity, batch size and attempts must be positive");
            }
            Objects.requireNonNull(warnEvery, "warnEvery");
        }
    }

    private final AuditRows rows;
    private final Settings settings;
    private final Drops drops;
    /** Events already as their columns' text ({@link AuditRows#columns}), oldest first. */
    private final BlockingQueue<String[]> queue;
    /** A batch that failed and waits for the next flush, with the attempts it has had. */
    private List<String[]> retry = List.of();
    private int retryAttempts;
    private final DropWarning queueFull;
    private final DropWarning writeFailed;
    private volatile boolean closed;

    public JooqAuditLog(DSLContext db, Settings settings, Drops drops) {
        this.rows = new AuditRows(db);
        this.settings = settings;
        this.drops = drops;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.queueFull = new DropWarning(QUEUE_FULL, settings.warnEvery());
        this.writeFailed = new DropWarning(WRITE_FAILED, settings.warnEvery());
    }

    /**
     * The event is turned into its columns' text here, on the caller's thread: under a flood the
     * one writer thread gets a small share of the CPU beside the request threads, and when it also
     * did each event's encoding (its JSON above all) it fell behind and the queue overflowed
     * (bench/README.md, audit overhead). Done here, the work grows with the requests that cause it.
     */
    @Override
    public void record(AuditEvent event) {
        if (event == null) {
            return;
        }
        if (closed) {
            drops.dropped(QUEUE_FULL, 1);
            queueFull.add(1, "the writer has shut down");
            return;
        }
        String[] row;
        try {
            row = AuditRows.columns(event);
        } catch (RuntimeException e) {
            drops.dropped(WRITE_FAILED, 1);
            writeFailed.add(1, "an event could not be encoded: " + e.getMessage());
            return;
        }
        if (!queue.offer(row)) {
            drops.dropped(QUEUE_FULL, 1);
            queueFull.add(1, "the queue is full");
        }
    }

    /** Events waiting to be written (queued or in a batch that failed). */
    public synchronized int pending() {
        return queue.size() + retry.size();
    }

    /**
     * Writes what is queued now, batch by batch; a failing batch waits for the next flush (its
     * events keep their order ahead of newer ones) and stops this one, so an outage costs one
     * failed statement a flush. Returns the events written.
     */
    public synchronized int flush() {
        queueFull.reportIfDue();
        writeFailed.reportIfDue();
        int written = 0;
        if (!retry.isEmpty()) {
            if (!write(retry)) {
                return written;
            }
            written += retry.size();
            retry = List.of();
        }
        return written + drain(1);
    }

    /**
     * Writes the whole batches queued now and leaves a partial one for {@link #flush}. Run often
     * under load, it keeps an event's time in memory to about one batch's worth of traffic: events
     * held for a whole flush interval outlived the young generation and were copied and promoted
     * by the garbage collector, which showed as long pauses in the viewers' p99 (bench/README.md,
     * audit overhead). A batch waiting for its retry is left to {@link #flush}'s pace.
     */
    public synchronized int flushFullBatches() {
        return retry.isEmpty() ? drain(settings.batchSize()) : 0;
    }

    /** Batches while at least {@code atLeast} events are queued; stops at a failed one, kept for a retry. */
    private int drain(int atLeast) {
        int written = 0;
        while (queue.size() >= atLeast) {
            List<String[]> batch = new ArrayList<>(Math.min(settings.batchSize(), queue.size()));
            queue.drainTo(batch, settings.batchSize());
            retryAttempts = 0;
            if (!write(batch)) {
                if (!batch.isEmpty()) {
                    retry = batch;
                }
                return written;
            }
            written += batch.size();
        }
        return written;
    }

    /**
     * Shutdown: flushes until the queue is empty or each batch has had its attempts, then counts
     * whatever is left as {@code write_failed}. The service closes this before the pool it writes to.
     */
    @Override
    public synchronized void close() {
        closed = true;
        int rounds = 0;
        while (pending() > 0 && rounds++ < settings.maxAttempts() * (1 + queue.size() / settings.batchSize())) {
            flush();
        }
        int left = pending();
        if (left > 0) {
            queue.clear();
            retry = List.of();
            drops.dropped(WRITE_FAILED, left);
            writeFailed.add(left, "shut down with events unwritten");
        }
        writeFailed.report();
        queueFull.report();
    }

    /**
     * One statement per batch: a first attempt by COPY, a retry by the insert that skips what is
     * there already ({@link AuditRows}). False if it failed (the batch is then kept for a retry, or
     * dropped when out of attempts).
     */
    private boolean write(List<String[]> batch) {
        try {
            if (retryAttempts == 0) {
                rows.copy(batch);
            } else {
                rows.insertMissing(batch);
            }
            return true;
        } catch (RuntimeException e) {
            // jOOQ's DataAccessException, or the database gate's SERVICE_UNAVAILABLE during an outage.
            retryAttempts++;
            if (retryAttempts >= settings.maxAttempts()) {
                drops.dropped(WRITE_FAILED, batch.size());
                writeFailed.add(batch.size(), "a batch failed " + retryAttempts + " times: " + e.getMessage());
                retryAttempts = 0;
                batch.clear();
            } else {
                LOG.debug("audit batch of {} failed (attempt {}), kept for the next flush: {}", batch.size(),
                        retryAttempts, e.getMessage());
            }
            return false;
        }
    }
}
