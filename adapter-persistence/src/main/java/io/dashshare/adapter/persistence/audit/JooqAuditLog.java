package io.dashshare.adapter.persistence.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.port.AuditLog;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
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
    private static final String COLUMN_LIST = "id, at, company_id, type, flow, actor_type, actor_id, actor_email,"
            + " actor_name, dashboard_id, share_id, context_id, parameters, details, outcome, row_count, client_ip,"
            + " user_agent, request_id";
    /** The columns of V8__audit_events.sql, in the order of {@link #columns}. */
    private static final int COLUMNS = 19;
    private static final String COPY = "copy \"sharing\".\"audit_events\" (" + COLUMN_LIST + ") from stdin (format csv)";
    private static final String INSERT = "insert into \"sharing\".\"audit_events\" (" + COLUMN_LIST + ")"
            + " select * from unnest(cast(cast(? as text[]) as uuid[]), cast(cast(? as text[]) as timestamptz[]),"
            + " cast(cast(? as text[]) as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(cast(? as text[]) as uuid[]),"
            + " cast(cast(? as text[]) as uuid[]), cast(cast(? as text[]) as uuid[]),"
            + " cast(cast(? as text[]) as jsonb[]), cast(cast(? as text[]) as jsonb[]), cast(? as text[]),"
            + " cast(cast(? as text[]) as int4[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))"
            + " on conflict do nothing";
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
    /** Events already as their columns' text ({@link #columns}), oldest first. */
    private final BlockingQueue<String[]> queue;
    /** A batch that failed and waits for the next flush, with the attempts it has had. */
    private List<String[]> retry = List.of();
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
            row = columns(event);
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
     * One statement per batch. A batch's first attempt is a {@code COPY ... FROM STDIN (FORMAT csv)}:
     * PostgreSQL parses each value once, straight into its column, which took its CPU per event from
     * about 19 us (the arrays of the insert below: each value parsed as text, then cast) to about 13 us,
     * most of what an event cost a viewer on a machine the database shares (bench/README.md, audit
     * overhead). A retried batch may have reached the table before its connection failed, so a retry
     * is the constant {@code insert ... select * from unnest(...) on conflict do nothing}, whose ids
     * say what is there already; COPY has no such clause. Both bind or stream the values, never
     * render them into SQL text.
     * False if it failed (the batch is then kept for a retry, or dropped when out of attempts).
     */
    private boolean write(List<String[]> batch) {
        try {
            if (retryAttempts == 0) {
                copy(batch);
            } else {
                insertMissing(batch);
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

    /** One event as the text of the table's 19 columns, in the order of {@link #COLUMNS}; null for SQL null. */
    private static String[] columns(AuditEvent event) {
        Actor actor = Actor.of(event.actor());
        return new String[] {
            event.id().toString(),
            event.at().toString(),
            event.companyId().value().toString(),
            event.type().wire(),
            event.flow().wire(),
            event.actor().type(),
            actor.id(),
            actor.email(),
            actor.name(),
            event.dashboardId() == null ? null : event.dashboardId().value().toString(),
            event.shareId() == null ? null : event.shareId().value().toString(),
            event.contextId() == null ? null : event.contextId().value().toString(),
            json(event.parameters()),
            json(event.details()),
            event.outcome(),
            event.rowCount() == null ? null : event.rowCount().toString(),
            event.client().ip(),
            event.client().userAgent(),
            event.client().requestId(),
        };
    }

    /**
     * The batch as CSV on one COPY. In PostgreSQL's CSV format an unquoted empty field is null and a
     * quoted one the empty string, which is FastCSV's {@link QuoteStrategies#EMPTY}: a null column
     * is written empty, an empty string as {@code ""}; quotes, commas and line breaks are quoted.
     */
    private void copy(List<String[]> rows) {
        StringWriter csv = new StringWriter(rows.size() * 256);
        try (CsvWriter writer = CsvWriter.builder().quoteStrategy(QuoteStrategies.EMPTY)
                .lineDelimiter(LineDelimiter.LF).build(csv)) {
            for (String[] row : rows) {
                writer.writeRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db.connection(connection -> {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try {
                copy.copyIn(COPY, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The retry: the batch as 19 arrays, one per column, and only the events not in the table yet. */
    private void insertMissing(List<String[]> rows) {
        int n = rows.size();
        Object[] binds = new Object[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            String[] column = new String[n];
            for (int i = 0; i < n; i++) {
                column[i] = rows.get(i)[c];
            }
            binds[c] = column;
        }
        db.query(INSERT, binds).execute();
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
