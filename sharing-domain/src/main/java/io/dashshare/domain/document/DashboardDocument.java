package io.dashshare.domain.document;

import io.dashshare.domain.common.Fields;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.FilterOptions;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.FilterValue;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.sql.SqlTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard as a JSON document (PRODUCT.md §5), both ways: what {@link #write} produces,
 * {@link #read} accepts back as it is (the read-only {@code id}, {@code version} and timestamps are
 * ignored), and every problem is {@code INVALID_REQUEST} naming the offending field.
 */
public final class DashboardDocument {

    /** Members a GET adds; accepted and ignored on the way back in. */
    public static final Set<String> READ_ONLY = Set.of("id", "version", "created_at", "updated_at",
            "embed_tokens_not_before");
    private static final Set<String> TOP = Set.of("slug", "name", "description", "data_source", "filters", "widgets");
    private static final Set<String> FILTER = Set.of("slug", "label", "kind", "required", "default", "options");
    private static final Set<String> OPTIONS = Set.of("source", "values", "sql");
    private static final Set<String> OPTION = Set.of("label", "value");
    private static final Set<String> WIDGET = Set.of("slug", "title", "visualization", "sql");

    private DashboardDocument() {
    }

    public static DashboardDefinition read(Object json) {
        Tree root = Tree.object(json, "");
        Set<String> accepted = new java.util.HashSet<>(TOP);
        accepted.addAll(READ_ONLY);
        root.onlyKnown(accepted);
        DashboardSlug slug = Fields.at("slug", () -> new DashboardSlug(root.requiredString("slug")));
        String name = root.requiredString("name");
        String description = root.optionalString("description");
        DataSourceName dataSource = Fields.at("data_source",
                () -> new DataSourceName(root.requiredString("data_source")));
        List<FilterDefinition> filters = new ArrayList<>();
        List<Object> filterNodes = root.list("filters", false);
        for (int i = 0; i < filterNodes.size(); i++) {
            filters.add(filter(Tree.object(filterNodes.get(i), "filters[" + i + "]")));
        }
        List<Widget> widgets = new ArrayList<>();
        List<Object> widgetNodes = root.list("widgets", true);
        for (int i = 0; i < widgetNodes.size(); i++) {
            widgets.add(widget(Tree.object(widgetNodes.get(i), "widgets[" + i + "]")));
        }
        try {
            return new DashboardDefinition(slug, name, description, dataSource, filters, widgets);
        } catch (IllegalArgumentException e) {
            throw SharingException.invalidRequest(fieldOf(e.getMessage()), e.getMessage());
        }
    }

    private static String fieldOf(String message) {
        String lower = message == null ? "" : message;
        return lower.startsWith("name") ? "name" : lower.startsWith("description") ? "description" : "body";
    }

    private static FilterDefinition filter(Tree node) {
        node.onlyKnown(FILTER);
        FilterSlug slug = Fields.at(node.field("slug"), () -> new FilterSlug(node.requiredString("slug")));
        String kindText = node.requiredString("kind");
        FilterKind kind = FilterKind.fromWire(kindText).orElseThrow(() -> SharingException.invalidRequest(
                node.field("kind"), node.field("kind") + ": unknown filter kind '" + kindText
                        + "' (date, number, text, select, multi_select)"));
        boolean required = node.optionalBoolean("required", false);
        Optional<FilterValue> defaultValue = Optional.empty();
        Object rawDefault = node.raw("default");
        if (rawDefault != null) {
            RawValue raw = Tree.toRaw(rawDefault);
            defaultValue = Optional.of(Fields.at(node.field("default"), () -> kind.parse(raw)));
        }
        Optional<FilterOptions> options = Optional.ofNullable(node.child("options", false)).map(DashboardDocument::options);
        Optional<FilterValue> chosenDefault = defaultValue;
        return Fields.at(node.path(), () -> new FilterDefinition(slug, node.optionalString("label"), kind, required,
                chosenDefault, options));
    }

    private static FilterOptions options(Tree node) {
        node.onlyKnown(OPTIONS);
        String source = node.requiredString("source");
        if ("static".equals(source)) {
            List<Object> values = node.list("values", true);
            List<FilterOption> options = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Object item = values.get(i);
                String field = node.field("values") + "[" + i + "]";
                if (item instanceof String s) {
                    options.add(Fields.at(field, () -> new FilterOption(s, s)));
                    continue;
                }
                Tree option = Tree.object(item, field).onlyKnown(OPTION);
                options.add(Fields.at(field, () -> new FilterOption(option.optionalString("label"),
                        option.requiredString("value"))));
            }
            return Fields.at(node.field("values"), () -> new FilterOptions.Static(options));
        }
        if ("dynamic".equals(source)) {
            return Fields.at(node.field("sql"),
                    () -> new FilterOptions.Dynamic(SqlTemplate.parse(node.requiredString("sql"))));
        }
        throw SharingException.invalidRequest(node.field("source"), node.field("source") + " must be static or dynamic");
    }

    private static Widget widget(Tree node) {
        node.onlyKnown(WIDGET);
        WidgetSlug slug = Fields.at(node.field("slug"), () -> new WidgetSlug(node.requiredString("slug")));
        String visualizationText = node.requiredString("visualization");
        Visualization visualization = Visualization.fromWire(visualizationText).orElseThrow(() ->
                SharingException.invalidRequest(node.field("visualization"), node.field("visualization")
                        + ": unknown visualization '" + visualizationText + "' (number, table, bar, line, pie)"));
        SqlTemplate sql = Fields.at(node.field("sql"), () -> SqlTemplate.parse(node.requiredString("sql")));
        return Fields.at(node.path(), () -> new Widget(slug, node.optionalString("title"), visualization, sql));
    }

    /** The definition as a JSON tree (insertion-ordered maps). */
    public static Map<String, Object> write(DashboardDefinition definition) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("slug", definition.slug().value());
        root.put("name", definition.name());
        root.put("description", definition.description());
        root.put("data_source", definition.dataSource().value());
        List<Object> filters = new ArrayList<>();
        for (FilterDefinition filter : definition.filters()) {
            filters.add(writeFilter(filter));
        }
        root.put("filters", filters);
        List<Object> widgets = new ArrayList<>();
        for (Widget widget : definition.widgets()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("slug", widget.slug().value());
            node.put("title", widget.title());
            node.put("visualization", widget.visualization().wire());
            node.put("sql", widget.sql().source());
            widgets.add(node);
        }
        root.put("widgets", widgets);
        return root;
    }

    private static Map<String, Object> writeFilter(FilterDefinition filter) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("slug", filter.slug().value());
        node.put("label", filter.label());
        node.put("kind", filter.kind().wire());
        node.put("required", filter.required());
        filter.defaultValue().ifPresent(v -> node.put("default", Tree.fromRaw(v.toRaw())));
        filter.options().ifPresent(options -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("source", options.source().wire());
            if (options instanceof FilterOptions.Static list) {
                List<Object> values = new ArrayList<>();
                for (FilterOption option : list.values()) {
                    values.add(option(option));
                }
                out.put("values", values);
            } else if (options instanceof FilterOptions.Dynamic dynamic) {
                out.put("sql", dynamic.sql().source());
            }
            node.put("options", out);
        });
        return node;
    }

    public static Map<String, Object> option(FilterOption option) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("label", option.label());
        node.put("value", option.value());
        return node;
    }
}
