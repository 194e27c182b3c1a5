package io.dashshare.adapter.http.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.dashboard.Widget;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A widget as a viewer sees it before running it: never its SQL. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WidgetHead(String slug, String title, String visualization) {

    public static WidgetHead from(Widget widget) {
        return new WidgetHead(widget.slug().value(), widget.title(), widget.visualization().wire());
    }
}
