package io.dashshare.application.service;

import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.RowCursor;
import java.util.List;
import java.util.Optional;

/**
 * An export's rows, counted as the client takes them: its {@code widget.exported} event is
 * recorded on close with the rows exported (docs/api.md, exports), or with the error a failure
 * mid-way answered.
 */
final class AuditedRows implements RowCursor {

    private final RowCursor rows;
    private final Audit.Draft draft;
    private int count;

    private AuditedRows(RowCursor rows, Audit.Draft draft) {
        this.rows = rows;
        this.draft = draft;
    }

    static WidgetExport audited(WidgetExport export, Audit.Draft draft) {
        return new WidgetExport(export.dashboard(), export.widget(), new AuditedRows(export.rows(), draft));
    }

    @Override
    public List<Column> columns() {
        return rows.columns();
    }

    @Override
    public Optional<List<Object>> next() {
        try {
            Optional<List<Object>> row = rows.next();
            if (row.isPresent()) {
                count++;
            }
            return row;
        } catch (RuntimeException e) {
            draft.rowCount(count).failed(e);
            throw e;
        }
    }

    @Override
    public void close() {
        rows.close();
        draft.rowCount(count).ok();
    }
}
