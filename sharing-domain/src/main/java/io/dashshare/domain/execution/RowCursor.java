package io.dashshare.domain.execution;

import java.util.List;
import java.util.Optional;

/**
 * The rows of a statement still running on its data source, read one at a time from the
 * database's cursor (an export, docs/api.md): only the rows of the current fetch are in memory,
 * however many the statement yields. Cells are as in {@link QueryResult}. Whoever opens a cursor
 * closes it; closing before the end stops the statement and frees its connection.
 */
public interface RowCursor extends AutoCloseable {

    List<Column> columns();

    /**
     * The next row, or empty once the statement or the cursor's row cap is exhausted. Throws
     * {@link QueryFailedException} when the database fails or times out mid-way.
     */
    Optional<List<Object>> next();

    /** Idempotent; never throws. */
    @Override
    void close();
}
