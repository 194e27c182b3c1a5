package io.dashshare.domain.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * An estimate of the heap a {@link QueryResult} and each of its rows hold: what the result cache's
 * byte bound and the memory of executions in flight ({@link RowBudget}) count. Written
 * here rather than measured by a library: the JDK's own {@code Instrumentation.getObjectSize}
 * needs an agent and is shallow, and the object-graph walkers (JOL) are tools, not runtime
 * dependencies. The sizes are those of a 64-bit HotSpot JVM with compressed oops (12-byte object
 * headers, 4-byte references, 8-byte alignment) for the cell types a result holds; the estimate
 * errs high rather than low, so the bound holds.
 */
public final class RowWeight {

    private static final long RESULT = 32;
    private static final long LIST = 16;
    private static final long REFERENCE = 4;
    private static final long STRING = 24 + 16;
    private static final long LONG = 16;
    private static final long BIG_DECIMAL = 40 + 40;

    private RowWeight() {
    }

    /** The whole result: its columns, its rows and the lists that hold them. */
    public static long of(QueryResult result) {
        long bytes = RESULT + list(result.columns().size()) + list(result.rows().size());
        for (Column column : result.columns()) {
            bytes += 24 + string(column.name()) + string(column.type());
        }
        for (List<Object> row : result.rows()) {
            bytes += row(row);
        }
        return bytes;
    }

    /** One row: its list and its cells (the result's list of rows is counted by {@link #of}). */
    public static long row(List<Object> row) {
        long bytes = list(row.size());
        for (Object cell : row) {
            bytes += cell(cell);
        }
        return bytes;
    }

    private static long cell(Object cell) {
        if (cell == null || cell instanceof Boolean) {
            return 0; // null, or one of the two shared Boolean instances
        }
        if (cell instanceof String text) {
            return string(text);
        }
        if (cell instanceof Long) {
            return LONG;
        }
        if (cell instanceof BigDecimal number) {
            // The object, its BigInteger when the unscaled value exceeds a long, and that one's int[].
            return BIG_DECIMAL + 4L * (number.unscaledValue().bitLength() / 32 + 1);
        }
        return 64 + string(cell.toString());
    }

    /** A String: its object and its byte[], counted at two bytes a character (UTF-16's; Latin-1 text takes one). */
    private static long string(String text) {
        return text == null ? 0 : STRING + align(2L * text.length());
    }

    private static long list(int size) {
        return LIST + align(16 + REFERENCE * size);
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
