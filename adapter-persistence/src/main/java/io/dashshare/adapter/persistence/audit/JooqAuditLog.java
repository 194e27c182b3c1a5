package io.dashshare.adapter.persistence.audit;

import static io.dashshare.adapter.persistence.jooq.Tables.AUDIT_EVENTS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.port.AuditLog;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep19;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.dashshare.adapter.persistence.jooq.tables.records.AuditEventsRecord;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The audit log's writer (docs/api.md, audit log): {@link #record} only offers the event to a
 * bounded in-memory queue, so a viewer never waits for it; {@link #flush}, run about every second
 * by the service and once more on shutdown, drains the queue in batches of one multi-row insert
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

    /** One multi-row insert; false if it failed (the batch is then kept for a retry, or dropped when out of attempts). */
    private boolean write(List<AuditEvent> batch) {
        try {
            InsertValuesStep19<AuditEventsRecord, UUID, OffsetDateTime, UUID, String, String, String, String, String,
                    String, UUID, UUID, UUID, JSONB, JSONB, String, Integer, String, String, String> insert =
                    db.insertInto(AUDIT_EVENTS, AUDIT_EVENTS.ID, AUDIT_EVENTS.AT, AUDIT_EVENTS.COMPANY_ID,
                            AUDIT_EVENTS.TYPE, AUDIT_EVENTS.FLOW, AUDIT_EVENTS.ACTOR_TYPE, AUDIT_EVENTS.ACTOR_ID,
                            AUDIT_EVENTS.ACTOR_EMAIL, AUDIT_EVENTS.ACTOR_NAME, AUDIT_EVENTS.DASHBOARD_ID,
                            AUDIT_EVENTS.SHARE_ID, AUDIT_EVENTS.CONTEXT_ID, AUDIT_EVENTS.PARAMETERS,
                            AUDIT_EVENTS.DETAILS, AUDIT_EVENTS.OUTCOME, AUDIT_EVENTS.ROW_COUNT,
                            AUDIT_EVENTS.CLIENT_IP, AUDIT_EVENTS.USER_AGENT, AUDIT_EVENTS.REQUEST_ID);
            for (AuditEvent event : batch) {
                Actor actor = Actor.of(event.actor());
                insert = insert.values(event.id(), event.at().atOffset(ZoneOffset.UTC), event.companyId().value(),
                        event.type().wire(), event.flow().wire(), event.actor().type(), actor.id(), actor.email(),
                        actor.name(), event.dashboardId() == null ? null : event.dashboardId().value(),
                        event.shareId() == null ? null : event.shareId().value(),
                        event.contextId() == null ? null : event.contextId().value(), json(event.parameters()),
                        json(event.details()), event.outcome(), event.rowCount(), event.client().ip(),
                        event.client().userAgent(), event.client().requestId());
            }
            // A retried batch may have reached the table before its connection failed: its ids say so.
            insert.onConflictDoNothing().execute();
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

    private static JSONB json(Map<String, Object> values) {
        if (values.isEmpty()) {
            return JSONB.valueOf("{}");
        }
        try {
            return JSONB.valueOf(JSON.writeValueAsString(values));
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
