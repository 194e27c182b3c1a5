package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps at most {@code cap} rows. The statement is asked for one row past the cap: seeing it
 * tells "truncated" without reading the rest.
 */
final class CappedRows implements RowReader.Sink {

    private final int cap;
    private final List<List<Object>> rows = new ArrayList<>();
    private boolean truncated;

    CappedRows(int cap) {
        this.cap = cap;
    }

    @Override
    public boolean accept(List<Object> row) {
        if (rows.size() == cap) {
            truncated = true;
            return false;
        }
        rows.add(row);
        return true;
    }

    QueryResult result(List<Column> columns, long durationMs) {
        return new QueryResult(columns, rows, truncated, durationMs);
    }
}
