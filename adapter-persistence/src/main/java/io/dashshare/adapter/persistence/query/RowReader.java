package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.execution.Column;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the rows of one result set as portable cells, one row at a time: the columns' cell types
 * are worked out once from the metadata, and each row goes to a {@link Sink} as soon as it is
 * read, so a caller that writes rows out never holds more than one ({@link CappedRows} is the
 * caller that keeps them).
 */
final class RowReader {

    /** Takes the rows one by one; answers false to stop reading (the rest stay unread). */
    @FunctionalInterface
    interface Sink {
        boolean accept(List<Object> row) throws SQLException;
    }

    private final List<Column> columns;
    private final CellType[] cells;

    private RowReader(List<Column> columns, CellType[] cells) {
        this.columns = List.copyOf(columns);
        this.cells = cells;
    }

    static RowReader of(ResultSetMetaData meta) throws SQLException {
        int width = meta.getColumnCount();
        List<Column> columns = new ArrayList<>(width);
        CellType[] cells = new CellType[width];
        for (int c = 1; c <= width; c++) {
            cells[c - 1] = CellType.of(meta.getColumnType(c), meta.getColumnTypeName(c));
            columns.add(new Column(meta.getColumnLabel(c), cells[c - 1].portableName()));
        }
        return new RowReader(columns, cells);
    }

    List<Column> columns() {
        return columns;
    }

    /**
     * Hands every remaining row of {@code rows} to {@code sink} until the result ends or the sink
     * says stop. True when the sink stopped it.
     */
    boolean forEach(ResultSet rows, Sink sink) throws SQLException {
        while (rows.next()) {
            if (!sink.accept(current(rows))) {
                return true;
            }
        }
        return false;
    }

    /** The row the cursor is on. */
    List<Object> current(ResultSet rows) throws SQLException {
        List<Object> row = new ArrayList<>(cells.length);
        for (int c = 1; c <= cells.length; c++) {
            row.add(cells[c - 1].read(rows, c));
        }
        return Collections.unmodifiableList(row);
    }
}
