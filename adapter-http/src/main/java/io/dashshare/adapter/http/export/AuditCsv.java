package io.dashshare.adapter.http.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.dashshare.adapter.http.json.Json;
import io.dashshare.application.port.in.ReadAuditUseCase;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log's CSV download (docs/api.md, audit log: CSV columns) as a response body that
 * streams. The reading port pushes events from a server-side cursor ({@code AuditEvents.each}),
 * the server pulls bytes, so a producer task encodes events into chunks of {@link CsvDownload#CHUNK}
 * bytes and hands them over through a queue of {@link #QUEUED} chunks: the service holds at most
 * that much of a download whatever its length, a slow client slows the cursor down, and a client
 * that goes away (the server closes this stream) stops the producer at its next chunk, which
 * ends the cursor and gives its connection back.
 *
 * <p>Same format as the exports' ({@link CsvFormat}): RFC 4180 by FastCSV, CRLF, text cells that
 * a spreadsheet would read as a formula prefixed with {@code '}. A failure after the first bytes
 * fails the read, so the server aborts the response instead of ending a truncated file.
 */
public final class AuditCsv extends InputStream {

    static final List<String> COLUMNS = List.of("id", "at", "type", "flow", "actor_type", "actor_email", "actor_id",
            "actor_name", "dashboard_id", "share_id", "context_id", "parameters", "details", "outcome", "row_count",
            "client_ip", "user_agent", "request_id");
    static final int QUEUED = 4;

    private static final Logger LOG = LoggerFactory.getLogger(AuditCsv.class);
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Object END = new Object();

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(QUEUED);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String requestId;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    private AuditCsv(String requestId) {
        this.requestId = requestId;
    }

    /** Starts encoding {@code events} on {@code producer}; the first chunk is ready when the cursor's first rows are. */
    public static AuditCsv start(ReadAuditUseCase.AuditStream events, Executor producer, String requestId) {
        AuditCsv csv = new AuditCsv(requestId);
        producer.execute(() -> csv.produce(events));
        return csv;
    }

    private void produce(ReadAuditUseCase.AuditStream events) {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(CsvDownload.CHUNK + 16 * 1024);
        OutputStreamWriter encoder = new OutputStreamWriter(chunk, StandardCharsets.UTF_8);
        CsvWriter csv = CsvFormat.writer(encoder);
        long rows = 0;
        try {
            csv.writeRecord(COLUMNS);
            long[] count = {0};
            events.forEach(event -> {
                csv.writeRecord(row(event));
                count[0]++;
                if (count[0] % 64 == 0) {
                    flushInto(csv, chunk, false);
                }
            });
            rows = count[0];
            flushInto(csv, chunk, true);
            hand(END);
        } catch (Cancelled e) {
            LOG.debug("audit download of request {} ended by the client", requestId);
        } catch (RuntimeException e) {
            LOG.warn("audit download failed after {} rows in request {}: {}", rows, requestId, e.toString());
            try {
                hand(new IOException("the audit download failed", e));
            } catch (Cancelled ignored) {
                // the client is gone as well: nobody to tell
            }
        }
    }

    /** Hands the encoded bytes over once a chunk is full (looked at every 64 rows), and what is left at the end. */
    private void flushInto(CsvWriter csv, ByteArrayOutputStream chunk, boolean last) {
        try {
            csv.flush();
        } catch (IOException e) {
            // Into memory: cannot fail, but the writer's signature says it might.
            throw new java.io.UncheckedIOException(e);
        }
        if (chunk.size() >= CsvDownload.CHUNK || last && chunk.size() > 0) {
            hand(chunk.toByteArray());
            chunk.reset();
        }
    }

    private void hand(Object item) {
        try {
            while (!closed.get()) {
                if (chunks.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Cancelled();
    }

    static List<String> row(AuditEvent e) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(e.id().toString());
        cells.add(AT.format(e.at()));
        cells.add(e.type().wire());
        cells.add(e.flow().wire());
        cells.add(e.actor().type());
        AuditActor actor = e.actor();
        cells.add(text(actor instanceof AuditActor.Email m ? m.email() : actor instanceof AuditActor.Owner o ? o.email() : null));
        cells.add(text(actor instanceof AuditActor.Owner o ? o.id() : actor instanceof AuditActor.ApiKey k ? k.id()
                : actor instanceof AuditActor.Embed b ? b.jti() : null));
        cells.add(text(actor instanceof AuditActor.ApiKey k ? k.name() : actor instanceof AuditActor.Embed b ? b.subject() : null));
        cells.add(e.dashboardId() == null ? null : e.dashboardId().toString());
        cells.add(e.shareId() == null ? null : e.shareId().toString());
        cells.add(e.contextId() == null ? null : e.contextId().toString());
        cells.add(json(e.parameters()));
        cells.add(json(e.details()));
        cells.add(e.outcome());
        cells.add(e.rowCount() == null ? null : e.rowCount().toString());
        cells.add(text(e.client().ip()));
        cells.add(text(e.client().userAgent()));
        cells.add(text(e.client().requestId()));
        return cells;
    }

    /** Free text from a viewer (a user agent, an email, a key's name) is guarded against formulas. */
    private static String text(String value) {
        return value == null ? null : CsvFormat.guard(value);
    }

    /** JSON objects begin with {@code {}}, never with a formula's first character. */
    private static String json(Map<String, Object> value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            Object next;
            try {
                next = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (next == END) {
                ended = true;
                return -1;
            }
            if (next instanceof IOException failure) {
                ended = true;
                throw failure;
            }
            current = (byte[]) next;
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** The client is gone (or the answer is complete): the producer stops at its next hand-over. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            chunks.clear();
        }
    }

    /** Thrown inside the producer when nobody reads any more; ends the cursor's iteration. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
