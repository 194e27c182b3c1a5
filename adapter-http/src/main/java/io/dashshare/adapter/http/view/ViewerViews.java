package io.dashshare.adapter.http.view;

import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.PortalDashboard;
import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.port.in.PortalViewer;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.document.DashboardDocument;
import io.dashshare.domain.document.Tree;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.WidgetResult;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.FilterOptions;
import io.dashshare.domain.filter.ViewerFilter;
import io.dashshare.domain.tenant.Company;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON trees of what viewers see: resolve/info, execution results, options, portal answers. */
public final class ViewerViews {

    private ViewerViews() {
    }

    /** Resolve, portal dashboard and embed info share this shape. SQL never leaves the server. */
    public static Map<String, Object> sharedDashboard(SharedDashboard shared) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("company", company(shared.company()));
        Dashboard dashboard = shared.dashboard();
        Map<String, Object> board = new LinkedHashMap<>();
        board.put("slug", dashboard.slug().value());
        board.put("name", dashboard.definition().name());
        board.put("description", dashboard.definition().description());
        board.put("version", dashboard.version());
        List<Object> widgets = new ArrayList<>();
        for (Widget widget : dashboard.definition().widgets()) {
            widgets.add(widgetHead(widget));
        }
        board.put("widgets", widgets);
        node.put("dashboard", board);
        List<Object> filters = new ArrayList<>();
        shared.filters().forEach(f -> filters.add(filter(f)));
        node.put("filters", filters);
        return node;
    }

    static Map<String, Object> company(Company company) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("slug", company.slug().value());
        node.put("name", company.name());
        return node;
    }

    private static Map<String, Object> widgetHead(Widget widget) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("slug", widget.slug().value());
        node.put("title", widget.title());
        node.put("visualization", widget.visualization().wire());
        return node;
    }

    static Map<String, Object> filter(ViewerFilter filter) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("slug", filter.definition().slug().value());
        node.put("label", filter.definition().label());
        node.put("kind", filter.definition().kind().wire());
        node.put("required", filter.required());
        node.put("mode", filter.mode().wire());
        node.put("default", filter.effectiveDefault().map(v -> Tree.fromRaw(v.toRaw())).orElse(null));
        node.put("allowed_values", filter.mode() == ViewerFilter.ViewerMode.FREE
                ? List.of() : options(filter.allowedValues()));
        node.put("options_source", filter.optionsSource().map(s -> s.wire()).orElse(null));
        List<Object> staticOptions = List.of();
        if (filter.mode() == ViewerFilter.ViewerMode.FREE
                && filter.definition().options().orElse(null) instanceof FilterOptions.Static list) {
            staticOptions = options(list.values());
        }
        node.put("options", staticOptions);
        return node;
    }

    static List<Object> options(List<FilterOption> options) {
        List<Object> out = new ArrayList<>();
        options.forEach(o -> out.add(DashboardDocument.option(o)));
        return out;
    }

    /** PRODUCT.md §7: effective parameters of every filter, then each widget's rows or its own error. */
    public static Map<String, Object> result(DashboardResult result, String requestId) {
        Map<String, Object> node = new LinkedHashMap<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (FilterDefinition filter : result.parameters().filters()) {
            parameters.put(filter.slug().value(),
                    result.parameters().get(filter.slug()).map(v -> Tree.fromRaw(v.toRaw())).orElse(null));
        }
        node.put("parameters", parameters);
        List<Object> widgets = new ArrayList<>();
        result.widgets().forEach(w -> widgets.add(widget(w)));
        node.put("widgets", widgets);
        node.put("request_id", requestId);
        return node;
    }

    private static Map<String, Object> widget(WidgetResult result) {
        Map<String, Object> node = widgetHead(result.widget());
        if (result.error().isPresent()) {
            ErrorCode code = result.error().get();
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error_code", code.name());
            error.put("message", code == ErrorCode.DB_QUERY_ERROR ? "This widget's query failed."
                    : "This widget could not be computed.");
            node.put("error", error);
            return node;
        }
        QueryResult rows = result.result().orElseThrow();
        List<Object> columns = new ArrayList<>();
        for (Column column : rows.columns()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", column.name());
            c.put("type", column.type());
            columns.add(c);
        }
        node.put("columns", columns);
        node.put("rows", rows.rows());
        node.put("row_count", rows.rows().size());
        node.put("truncated", rows.truncated());
        node.put("duration_ms", rows.durationMs());
        return node;
    }

    /** Exactly the guide's shape: {@code {filter_slug, options[{label,value}], source}}. */
    public static Map<String, Object> options(OptionsAnswer answer) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("filter_slug", answer.filterSlug());
        node.put("options", options(answer.options()));
        node.put("source", answer.source().wire());
        return node;
    }

    public static Map<String, Object> portalTokens(PortalTokens tokens) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("access_token", tokens.accessToken());
        node.put("refresh_token", tokens.refreshToken());
        node.put("token_type", "Bearer");
        node.put("expires_in", tokens.expiresInSeconds());
        List<Object> contexts = new ArrayList<>();
        for (ShareContext context : tokens.contexts()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", context.id().toString());
            c.put("name", context.name());
            c.put("description", context.description());
            contexts.add(c);
        }
        node.put("contexts", contexts);
        return node;
    }

    public static Map<String, Object> portalDashboards(PortalViewer viewer, List<PortalDashboard> dashboards) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("company", company(viewer.company()));
        List<Object> list = new ArrayList<>();
        for (PortalDashboard entry : dashboards) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("slug", entry.dashboard().slug().value());
            d.put("name", entry.dashboard().definition().name());
            d.put("description", entry.dashboard().definition().description());
            List<Object> contexts = new ArrayList<>();
            for (ShareContext context : entry.contexts()) {
                contexts.add(contextHead(context));
            }
            d.put("contexts", contexts);
            list.add(d);
        }
        node.put("dashboards", list);
        return node;
    }

    /** A portal dashboard: the shape of {@link #sharedDashboard} plus the context it is shown through. */
    public static Map<String, Object> portalDashboard(SharedDashboard shared, ShareContext through) {
        Map<String, Object> node = sharedDashboard(shared);
        node.put("context", contextHead(through));
        return node;
    }

    private static Map<String, Object> contextHead(ShareContext context) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", context.id().toString());
        c.put("name", context.name());
        return c;
    }
}
