package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.RowBudget;
import io.dashshare.domain.execution.RowWeight;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps at most {@code cap} rows, and only those {@code budget} lets it keep in memory. The
 * statement is asked for one row past the cap: seeing it tells "truncated" without reading the
 * rest; a row the budget refuses is cut the same way.
 */
final class CappedRows implements RowReader.Sink {

    private final int cap;
    private final RowBudget budget;
    private final List<List<Object>> rows = new ArrayList<>();
    private boolean truncated;

    CappedRows(int cap, RowBudget budget) {
        this.cap = cap;
        this.budget = budget;
    }

    @Override
    public boolean accept(List<Object> row) {
        if (rows.size() == cap || !budget.take(RowWeight.row(row))) {
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
