package io.dashshare.adapter.http.export;

import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.RowCursor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A cursor over generated rows, as the database would hand them out: counts what was read, can
 * fail after some rows, and says when it was closed.
 */
public final class ListCursor implements RowCursor {

    private final List<Column> columns;
    private final long count;
    private final LongFunction<List<Object>> row;
    private final long failAfter;
    private final AtomicLong read = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);

    private ListCursor(List<Column> columns, long count, LongFunction<List<Object>> row, long failAfter) {
        this.columns = columns;
        this.count = count;
        this.row = row;
        this.failAfter = failAfter;
    }

    public static ListCursor of(List<Column> columns, List<List<Object>> rows) {
        return new ListCursor(columns, rows.size(), i -> rows.get((int) i), -1);
    }

    public static ListCursor generated(List<Column> columns, long count, LongFunction<List<Object>> row) {
        return new ListCursor(columns, count, row, -1);
    }

    public ListCursor failingAfter(long rows) {
        return new ListCursor(columns, count, row, rows);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Optional<List<Object>> next() {
        if (closed.getCount() == 0) {
            return Optional.empty();
        }
        long i = read.get();
        if (i == failAfter) {
            throw new QueryFailedException(QueryFailedException.Reason.TIMEOUT, "canceling statement due to timeout", null);
        }
        if (i >= count) {
            return Optional.empty();
        }
        read.incrementAndGet();
        return Optional.of(row.apply(i));
    }

    @Override
    public void close() {
        closed.countDown();
    }

    public long read() {
        return read.get();
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    public CountDownLatch closedLatch() {
        return closed;
    }
}
