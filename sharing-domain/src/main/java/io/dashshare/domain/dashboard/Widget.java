package io.dashshare.domain.dashboard;

import io.dashshare.domain.common.Text;
import io.dashshare.domain.sql.SqlTemplate;
import java.util.Objects;

/** One visual of a dashboard and the SQL that feeds it ({@code :filter_slug} parameters). */
public record Widget(WidgetSlug slug, String title, Visualization visualization, SqlTemplate sql) {

    public Widget {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(visualization, "visualization");
        Objects.requireNonNull(sql, "sql");
        title = title == null || title.isBlank() ? slug.value() : Text.requireOptional(title, 200, "title");
    }
}
