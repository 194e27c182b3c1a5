package io.dashshare.adapter.persistence.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.port.AuditLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log's writer (docs/api.md, audit log): {@link #record} only offers the event to a
 * bounded in-memory queue, so a viewer never waits for it; {@link #flush}, run about every second
 * by the service and once more on shutdown, drains the queue in batches of one insert statement
 * each. Every instance writes its own events (ids are random UUIDs), so N instances need no
 * coordination.
 *
 * <p>An event is never silently lost: a full queue drops the new event, and a batch that still
 * fails after {@code maxAttempts} flushes is dropped whole; both are counted through
 * {@link Drops} ({@code sharing_audit_dropped_total}, tag {@code reason}) and logged, at most one
 * WARN per burst with its count.
 */
public final class JooqAuditLog implements AuditLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JooqAuditLog.class);
    /** The columns of V8__audit_events.sql in order; every one travels as text but row_count. */
    private static final String INSERT = "insert into \"sharing\".\"audit_events\" (id, at, company_id, type,"
            + " flow, actor_type, actor_id, actor_email, actor_name, dashboard_id, share_id, context_id, parameters,"
            + " details, outcome, row_count, client_ip, user_agent, request_id)"
            + " select * from unnest(cast(cast(? as text[]) as uuid[]), cast(cast(? as text[]) as timestamptz[]),"
            + " cast(cast(? as text[]) as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(cast(? as text[]) as uuid[]),"
            + " cast(cast(? as text[]) as uuid[]), cast(cast(? as text[]) as uuid[]),"
            + " cast(cast(? as text[]) as jsonb[]), cast(cast(? as text[]) as jsonb[]), cast(? as text[]),"
            + " cast(? as int4[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))"
            + " on conflict do nothing";
    private static final int TEXT_COLUMNS = 18;
    private static final ObjectMapper JSON = new ObjectMapper();
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

    private final DSLContext db;
    private final Settings settings;
    private final Drops drops;
    private final BlockingQueue<AuditEvent> queue;
    /** A batch that failed and waits for the next flush, with the attempts it has had. */
    private List<AuditEvent> retry = List.of();
    private int retryAttempts;
    private final Burst queueFull;
    private final Burst writeFailed;
    private volatile boolean closed;

    public JooqAuditLog(DSLContext db, Settings settings, Drops drops) {
        this.db = db;
        this.settings = settings;
        this.drops = drops;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.queueFull = new Burst(QUEUE_FULL, settings.warnEvery());
        this.writeFailed = new Burst(WRITE_FAILED, settings.warnEvery());
    }

    @Override
    public void record(AuditEvent event) {
        if (event == null) {
            return;
        }
        if (closed || !queue.offer(event)) {
            drops.dropped(QUEUE_FULL, 1);
            queueFull.add(1, closed ? "the writer has shut down" : "the queue is full");
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
        while (!queue.isEmpty()) {
            List<AuditEvent> batch = new ArrayList<>(Math.min(settings.batchSize(), queue.size()));
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
     * One statement per batch: the batch as 19 arrays, one per column, unnested by PostgreSQL into
     * rows. The statement's text is the same for every batch and it binds 19 values whatever the
     * batch's size; jOOQ's multi-row {@code insert ... values} of 500 rows built and rendered 9,500
     * bind values, which was 45% of the service's CPU under a flood of viewer requests (bench/README.md,
     * audit overhead).
     * False if it failed (the batch is then kept for a retry, or dropped when out of attempts).
     */
    private boolean write(List<AuditEvent> batch) {
        try {
            int n = batch.size();
            String[][] text = new String[TEXT_COLUMNS][n];
            Integer[] rowCounts = new Integer[n];
            for (int i = 0; i < n; i++) {
                AuditEvent event = batch.get(i);
                Actor actor = Actor.of(event.actor());
                text[0][i] = event.id().toString();
                text[1][i] = event.at().toString();
                text[2][i] = event.companyId().value().toString();
                text[3][i] = event.type().wire();
                text[4][i] = event.flow().wire();
                text[5][i] = event.actor().type();
                text[6][i] = actor.id();
                text[7][i] = actor.email();
                text[8][i] = actor.name();
                text[9][i] = event.dashboardId() == null ? null : event.dashboardId().value().toString();
                text[10][i] = event.shareId() == null ? null : event.shareId().value().toString();
                text[11][i] = event.contextId() == null ? null : event.contextId().value().toString();
                text[12][i] = json(event.parameters());
                text[13][i] = json(event.details());
                text[14][i] = event.outcome();
                text[15][i] = event.client().ip();
                text[16][i] = event.client().userAgent();
                text[17][i] = event.client().requestId();
                rowCounts[i] = event.rowCount();
            }
            Object[] binds = new Object[19];
            for (int c = 0; c < 15; c++) {
                binds[c] = text[c];
            }
            binds[15] = rowCounts;
            for (int c = 15; c < TEXT_COLUMNS; c++) {
                binds[c + 1] = text[c];
            }
            // A retried batch may have reached the table before its connection failed: its ids say so.
            db.query(INSERT, binds).execute();
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

    private static String json(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit values are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The actor in the table's three columns (V8__audit_events.sql). */
    private record Actor(String id, String email, String name) {
        static Actor of(AuditActor actor) {
            if (actor instanceof AuditActor.Email e) {
                return new Actor(null, e.email(), null);
            } else if (actor instanceof AuditActor.Embed e) {
                return new Actor(e.jti(), null, e.subject());
            } else if (actor instanceof AuditActor.Owner o) {
                return new Actor(o.id(), o.email(), null);
            } else if (actor instanceof AuditActor.ApiKey k) {
                return new Actor(k.id(), null, k.name());
            }
            return new Actor(null, null, null);
        }
    }

    /**
     * Drops of one reason, logged at most once per interval with the count since the last WARN.
     * Hand-written like the adapter's throttled warnings: SLF4J has no rate limit.
     */
    private static final class Burst {
        private final String reason;
        private final long intervalNanos;
        private final AtomicLong unreported = new AtomicLong();
        private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
        private volatile String lastCause = "";

        Burst(String reason, Duration interval) {
            this.reason = reason;
            this.intervalNanos = interval.toNanos();
        }

        void add(int events, String cause) {
            unreported.addAndGet(events);
            lastCause = cause;
            long now = System.nanoTime();
            long next = nextAt.get();
            if ((next == Long.MIN_VALUE || now - next >= 0) && nextAt.compareAndSet(next, now + intervalNanos)) {
                report();
            }
        }

        /** A burst that ended quietly is still reported, once its interval is over. */
        void reportIfDue() {
            long next = nextAt.get();
            if (unreported.get() > 0 && next != Long.MIN_VALUE && System.nanoTime() - next >= 0
                    && nextAt.compareAndSet(next, System.nanoTime() + intervalNanos)) {
                report();
            }
        }

        void report() {
            long count = unreported.getAndSet(0);
            if (count > 0) {
                LOG.warn("audit log: {} event(s) dropped ({}, counted in sharing_audit_dropped_total): {}", count,
                        reason, lastCause);
            }
        }
    }
}
