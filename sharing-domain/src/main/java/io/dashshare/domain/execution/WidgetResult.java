package io.dashshare.domain.execution;

import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.error.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/** One widget's outcome: its rows, or its own error while the other widgets still return. */
public record WidgetResult(Widget widget, Optional<QueryResult> result, Optional<ErrorCode> error) {

    public WidgetResult {
        Objects.requireNonNull(widget);
        if (result.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a widget result has either rows or an error");
        }
    }

    public static WidgetResult ok(Widget widget, QueryResult result) {
        return new WidgetResult(widget, Optional.of(result), Optional.empty());
    }

    public static WidgetResult failed(Widget widget, ErrorCode error) {
        return new WidgetResult(widget, Optional.empty(), Optional.of(error));
    }
}
