package io.dashshare.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.FilterOptions;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.FilterValue;
import io.dashshare.domain.sql.SqlTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored body of a dashboard, {@code {"filters": [...], "widgets": [...]}} (slug, name,
 * description and data source have columns of their own).
 */
final class StoredDefinitions {

    private StoredDefinitions() {
    }

    static JsonNode write(JsonNodeFactory json, DashboardDefinition definition) {
        ObjectNode body = json.objectNode();
        ArrayNode filters = body.putArray("filters");
        definition.filters().forEach(filter -> filters.add(filter(json, filter)));
        ArrayNode widgets = body.putArray("widgets");
        for (Widget widget : definition.widgets()) {
            ObjectNode node = widgets.addObject();
            node.put("slug", widget.slug().value());
            node.put("title", widget.title());
            node.put("visualization", widget.visualization().wire());
            node.put("sql", widget.sql().source());
        }
        return body;
    }

    private static ObjectNode filter(JsonNodeFactory json, FilterDefinition filter) {
        ObjectNode node = json.objectNode();
        node.put("slug", filter.slug().value());
        node.put("label", filter.label());
        node.put("kind", filter.kind().wire());
        node.put("required", filter.required());
        filter.defaultValue().ifPresent(v -> node.set("default", StoredJson.node(json, v.toRaw())));
        filter.options().ifPresent(options -> {
            ObjectNode out = node.putObject("options");
            out.put("source", options.source().wire());
            if (options instanceof FilterOptions.Static list) {
                ArrayNode values = out.putArray("values");
                for (FilterOption option : list.values()) {
                    values.addObject().put("label", option.label()).put("value", option.value());
                }
            } else if (options instanceof FilterOptions.Dynamic dynamic) {
                out.put("sql", dynamic.sql().source());
            }
        });
        return node;
    }

    static DashboardDefinition read(String slug, String name, String description, String dataSource, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalStateException("not a JSON object");
        }
        List<FilterDefinition> filters = new ArrayList<>();
        for (JsonNode node : StoredJson.array(body, "filters")) {
            filters.add(filter(node));
        }
        List<Widget> widgets = new ArrayList<>();
        for (JsonNode node : StoredJson.array(body, "widgets")) {
            widgets.add(new Widget(new WidgetSlug(StoredJson.text(node, "slug")), StoredJson.optionalText(node, "title"),
                    Visualization.fromWire(StoredJson.text(node, "visualization")).orElseThrow(),
                    SqlTemplate.parse(StoredJson.text(node, "sql"))));
        }
        return new DashboardDefinition(new DashboardSlug(slug), name, description, new DataSourceName(dataSource),
                filters, widgets);
    }

    private static FilterDefinition filter(JsonNode node) {
        FilterKind kind = FilterKind.fromWire(StoredJson.text(node, "kind")).orElseThrow();
        JsonNode stored = node.get("default");
        Optional<FilterValue> defaultValue = stored == null || stored.isNull() ? Optional.empty()
                : Optional.of(kind.parse(StoredJson.raw(stored)));
        JsonNode options = node.get("options");
        return new FilterDefinition(new FilterSlug(StoredJson.text(node, "slug")), StoredJson.optionalText(node, "label"),
                kind, node.path("required").asBoolean(false), defaultValue,
                options == null || options.isNull() ? Optional.empty() : Optional.of(options(options)));
    }

    private static FilterOptions options(JsonNode node) {
        String source = StoredJson.text(node, "source");
        if ("static".equals(source)) {
            List<FilterOption> values = new ArrayList<>();
            for (JsonNode option : StoredJson.array(node, "values")) {
                values.add(new FilterOption(StoredJson.optionalText(option, "label"), StoredJson.text(option, "value")));
            }
            return new FilterOptions.Static(values);
        }
        if ("dynamic".equals(source)) {
            return new FilterOptions.Dynamic(SqlTemplate.parse(StoredJson.text(node, "sql")));
        }
        throw new IllegalStateException("unknown options source " + source);
    }
}
