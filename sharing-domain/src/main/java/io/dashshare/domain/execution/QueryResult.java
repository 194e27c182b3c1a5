package io.dashshare.domain.execution;

import java.util.List;

/**
 * Rows as lists aligned with {@code columns}; cells are {@code String}, {@code java.math.BigDecimal},
 * {@code Long}, {@code Boolean} or {@code null} (dates and timestamps as ISO-8601 text).
 */
public record QueryResult(List<Column> columns, List<List<Object>> rows, boolean truncated, long durationMs) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
