package io.dashshare.adapter.http.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.domain.execution.QueryFailedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An export's CSV as the response body: a stream that the server reads as fast as the client
 * takes the bytes, and each read pulls the next rows from the database cursor and encodes them.
 * Nothing is read ahead of the client beyond one chunk, so memory does not grow with the row
 * count, and a client that stops reading stops the fetches.
 *
 * <p>When the client goes away the server closes this stream, which closes the cursor: the
 * statement ends and its connection goes back to the pool. The close runs on {@code closer}, never
 * on the caller's thread, since the server may close from its event loop and closing a cursor
 * waits for a fetch in flight and rolls back over the network. A failure after the first bytes
 * (the database gone, a fetch past its timeout) fails the read, so the server aborts the response
 * instead of ending a truncated file as if it were whole.
 */
final class CsvDownload extends InputStream {

    private static final Logger LOG = LoggerFactory.getLogger(CsvDownload.class);
    /** Bytes encoded per refill: enough to amortise a read, small beside any heap. */
    static final int CHUNK = 32 * 1024;

    private final WidgetExport export;
    private final Executor closer;
    private final String requestId;
    private final Chunk chunk = new Chunk();
    private final OutputStreamWriter encoder = new OutputStreamWriter(chunk, StandardCharsets.UTF_8);
    private final CsvWriter csv = CsvFormat.writer(encoder);
    private final CsvFormat format;
    private final AtomicBoolean closed = new AtomicBoolean();
    private int position;
    private boolean finished;
    private long rows;

    CsvDownload(WidgetExport export, Executor closer, String requestId) {
        this.export = export;
        this.closer = closer;
        this.requestId = requestId;
        this.format = CsvFormat.of(export.rows().columns());
        format.header(csv, export.rows().columns());
    }

    @Override
    public synchronized int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == chunk.size() && !refill()) {
            return -1;
        }
        int n = Math.min(length, chunk.size() - position);
        System.arraycopy(chunk.bytes(), position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Encodes rows until a chunk is full or the rows end; false once everything was read. */
    private boolean refill() throws IOException {
        chunk.reset();
        position = 0;
        if (finished) {
            return false;
        }
        if (closed.get()) {
            throw new IOException("the export was closed");
        }
        try {
            while (!finished && chunk.size() < CHUNK) {
                Optional<List<Object>> row = export.rows().next();
                if (row.isEmpty()) {
                    finished = true;
                } else {
                    format.row(csv, row.get());
                    rows++;
                }
            }
            csv.flush();
        } catch (QueryFailedException e) {
            LOG.warn("export failed after {} rows ({}) in request {}: {}", rows, e.reason(), requestId, e.getMessage());
            close();
            throw new IOException("the export's query failed", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (finished) {
            // Every row is out: the connection goes back now, not when the server closes the stream.
            close();
        }
        return chunk.size() > 0;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closer.execute(export::close);
        }
    }

    /** The encoded bytes, read in place instead of copied out. */
    private static final class Chunk extends ByteArrayOutputStream {

        Chunk() {
            super(CHUNK + 16 * 1024);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
