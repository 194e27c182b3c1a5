package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dashshare.adapter.http.json.Json;
import io.dashshare.adapter.http.json.JsonBinder;
import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.FilterOptions;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.FilterValue;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.sql.SqlTemplate;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard as the API's JSON document (docs/api.md, dashboards), both ways: what a GET
 * answers, a POST or PUT takes back as it is ({@code id}, {@code version} and the timestamps are
 * read-only and ignored). This is the wire format only; the stored jsonb has its own (adapter-persistence).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DashboardDocument(
        @Schema(ref = "#/components/schemas/JsonValue", description = "read-only: the dashboard's id (ignored in a request)") Object id,
        String slug,
        String name,
        // Optional in a request; a GET answers it always (null when there is none): @JsonInclude ALWAYS
        // would otherwise make micronaut-openapi list it as required.
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) Optional<String> description,
        String dataSource,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) Optional<List<FilterDoc>> filters,
        List<WidgetDoc> widgets,
        @Schema(ref = "#/components/schemas/JsonValue", description = "read-only (ignored in a request)") Object version,
        @Schema(ref = "#/components/schemas/JsonValue", description = "read-only (ignored in a request)") Object createdAt,
        @Schema(ref = "#/components/schemas/JsonValue", description = "read-only (ignored in a request)") Object updatedAt,
        @Schema(ref = "#/components/schemas/JsonValue", description = "read-only (ignored in a request)") Object embedTokensNotBefore)
        implements JsonBody {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record FilterDoc(String slug, Optional<String> label, String kind, Optional<Boolean> required,
                            @JsonProperty("default") Optional<RawValue> defaultValue, Optional<OptionsDoc> options) {

        FilterDefinition toFilter() {
            FilterSlug filterSlug = InvalidValueException.named("slug", () -> new FilterSlug(slug));
            FilterKind filterKind = FilterKind.fromWire(kind).orElseThrow(() -> new InvalidValueException("kind",
                    "unknown filter kind '" + kind + "' (date, number, text, select, multi_select)"));
            Optional<FilterValue> typedDefault = defaultValue.filter(v -> !(v instanceof RawValue.Null)).map(v -> {
                try {
                    return filterKind.parse(v);
                } catch (FilterKind.UnfitValueException e) {
                    throw new InvalidValueException("default", e.getMessage());
                }
            });
            Optional<FilterOptions> filterOptions = options.map(o -> InvalidValueException.under("options", o::toOptions));
            return new FilterDefinition(filterSlug, label.orElse(null), filterKind, required.orElse(false),
                    typedDefault, filterOptions);
        }

        static FilterDoc from(FilterDefinition filter) {
            return new FilterDoc(filter.slug().value(), Optional.of(filter.label()), filter.kind().wire(),
                    Optional.of(filter.required()), filter.defaultValue().map(FilterValue::toRaw),
                    filter.options().map(OptionsDoc::from));
        }
    }

    /**
     * Where a select filter's options come from: {@code static} with {@code values} (each an
     * object {@code {label, value}} or a plain string), or {@code dynamic} with {@code sql}.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record OptionsDoc(String source, Optional<List<Object>> values, Optional<String> sql) {

        FilterOptions toOptions() {
            if ("static".equals(source)) {
                List<Object> items = values.orElseThrow(() -> new InvalidValueException("values", "is required"));
                List<FilterOption> options = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    Object item = items.get(i);
                    options.add(InvalidValueException.under("values[" + i + "]", () -> option(item)));
                }
                return InvalidValueException.under("values", () -> new FilterOptions.Static(options));
            }
            if ("dynamic".equals(source)) {
                String text = sql.orElseThrow(() -> new InvalidValueException("sql", "is required"));
                return new FilterOptions.Dynamic(SqlTemplate.parse(text));
            }
            throw new InvalidValueException("source", "must be static or dynamic");
        }

        private static FilterOption option(Object item) {
            if (item instanceof String value) {
                return new FilterOption(value, value);
            }
            if (item instanceof Map<?, ?> node) {
                for (Object key : node.keySet()) {
                    if (!"label".equals(key) && !"value".equals(key)) {
                        throw new InvalidValueException(String.valueOf(key), "is not a known field");
                    }
                }
                Object label = node.get("label");
                Object value = node.get("value");
                if (label != null && !(label instanceof String)) {
                    throw new InvalidValueException("label", "must be a string");
                }
                if (!(value instanceof String text)) {
                    throw new InvalidValueException("value", value == null ? "is required" : "must be a string");
                }
                return new FilterOption((String) label, text);
            }
            throw new InvalidValueException("", "must be a string or a JSON object {label, value}");
        }

        static OptionsDoc from(FilterOptions options) {
            if (options instanceof FilterOptions.Static list) {
                List<Object> values = new ArrayList<>();
                list.values().forEach(o -> values.add(Map.of("label", o.label(), "value", o.value())));
                return new OptionsDoc(options.source().wire(), Optional.of(values), Optional.empty());
            }
            return new OptionsDoc(options.source().wire(), Optional.empty(),
                    Optional.of(((FilterOptions.Dynamic) options).sql().source()));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record WidgetDoc(String slug, Optional<String> title, String visualization, String sql) {

        Widget toWidget() {
            WidgetSlug widgetSlug = InvalidValueException.named("slug", () -> new WidgetSlug(slug));
            Visualization shown = Visualization.fromWire(visualization).orElseThrow(() -> new InvalidValueException(
                    "visualization", "unknown visualization '" + visualization + "' (number, table, bar, line, pie)"));
            SqlTemplate template = SqlTemplate.parse(sql);
            return new Widget(widgetSlug, title.orElse(null), shown, template);
        }

        static WidgetDoc from(Widget widget) {
            return new WidgetDoc(widget.slug().value(), Optional.of(widget.title()), widget.visualization().wire(),
                    widget.sql().source());
        }
    }

    /** The definition this document describes; every refusal names its member ({@code filters[1].slug}). */
    public DashboardDefinition toDefinition() {
        DashboardSlug dashboardSlug = InvalidValueException.named("slug", () -> new DashboardSlug(slug));
        DataSourceName source = InvalidValueException.named("data_source", () -> new DataSourceName(dataSource));
        List<FilterDefinition> filterDefinitions = new ArrayList<>();
        List<FilterDoc> filterDocs = filters.orElse(List.of());
        for (int i = 0; i < filterDocs.size(); i++) {
            FilterDoc doc = filterDocs.get(i);
            filterDefinitions.add(InvalidValueException.under("filters[" + i + "]", doc::toFilter));
        }
        List<Widget> widgetDefinitions = new ArrayList<>();
        for (int i = 0; i < widgets.size(); i++) {
            WidgetDoc doc = widgets.get(i);
            widgetDefinitions.add(InvalidValueException.under("widgets[" + i + "]", doc::toWidget));
        }
        return new DashboardDefinition(dashboardSlug, name, description.orElse(null), source, filterDefinitions,
                widgetDefinitions);
    }

    public static DashboardDocument from(Dashboard dashboard) {
        DashboardDefinition definition = dashboard.definition();
        return new DashboardDocument(dashboard.id().toString(), definition.slug().value(), definition.name(),
                Optional.of(definition.description()), definition.dataSource().value(),
                Optional.of(definition.filters().stream().map(FilterDoc::from).toList()),
                definition.widgets().stream().map(WidgetDoc::from).toList(), dashboard.version(),
                dashboard.createdAt(), dashboard.updatedAt(), dashboard.embedTokensNotBefore().orElse(null));
    }

    /** A document from its JSON text (the demo's, say), read as strictly as a request body. */
    public static DashboardDocument parse(byte[] json) {
        return JsonBinder.bind(Json.parse(json), DashboardDocument.class);
    }
}
