package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.execution.RowCursor;
import java.util.Objects;

/**
 * One widget's rows on their way to a download (docs/api.md, exports): the statement is running
 * and {@code rows} reads it as the client takes them. Whoever receives this closes it, which ends
 * the statement if the rows are not all read.
 */
public record WidgetExport(DashboardSlug dashboard, WidgetSlug widget, RowCursor rows) implements AutoCloseable {

    public WidgetExport {
        Objects.requireNonNull(dashboard);
        Objects.requireNonNull(widget);
        Objects.requireNonNull(rows);
    }

    @Override
    public void close() {
        rows.close();
    }
}
