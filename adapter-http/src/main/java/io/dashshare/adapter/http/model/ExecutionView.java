package io.dashshare.adapter.http.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.WidgetResult;
import io.dashshare.domain.filter.FilterDefinition;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution (docs/api.md, execution result): the effective value of every filter (null when
 * unset), then each widget's rows, or its own error while the others still answer.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExecutionView(@io.swagger.v3.oas.annotations.media.Schema(type = "object", additionalProperties = io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> parameters, List<WidgetRows> widgets, String requestId) {

    /** A widget's answer: {@code columns}, {@code rows} and counts, or only {@code error}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WidgetRows(String slug, String title, String visualization, @io.micronaut.core.annotation.Nullable List<ColumnView> columns,
                             @io.micronaut.core.annotation.Nullable
                             @io.swagger.v3.oas.annotations.media.ArraySchema(arraySchema = @io.swagger.v3.oas.annotations.media.Schema(nullable = true), schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = io.dashshare.adapter.http.openapi.AnyValue.class)) List<List<Object>> rows, @io.micronaut.core.annotation.Nullable Integer rowCount, @io.micronaut.core.annotation.Nullable Boolean truncated, @io.micronaut.core.annotation.Nullable Long durationMs,
                             @io.micronaut.core.annotation.Nullable WidgetError error) {

        static WidgetRows from(WidgetResult result) {
            WidgetHead head = WidgetHead.from(result.widget());
            if (result.error().isPresent()) {
                ErrorCode code = result.error().get();
                return new WidgetRows(head.slug(), head.title(), head.visualization(), null, null, null, null, null,
                        new WidgetError(code.name(), code == ErrorCode.DB_QUERY_ERROR ? "This widget's query failed."
                                : "This widget could not be computed."));
            }
            QueryResult rows = result.result().orElseThrow();
            return new WidgetRows(head.slug(), head.title(), head.visualization(),
                    rows.columns().stream().map(c -> new ColumnView(c.name(), c.type())).toList(), rows.rows(),
                    rows.rows().size(), rows.truncated(), rows.durationMs(), null);
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ColumnView(String name, String type) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WidgetError(String errorCode, String message) {
    }

    public static ExecutionView from(DashboardResult result, String requestId) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (FilterDefinition filter : result.parameters().filters()) {
            parameters.put(filter.slug().value(),
                    result.parameters().get(filter.slug()).map(v -> v.toRaw().toPlain()).orElse(null));
        }
        return new ExecutionView(parameters, result.widgets().stream().map(WidgetRows::from).toList(), requestId);
    }
}
