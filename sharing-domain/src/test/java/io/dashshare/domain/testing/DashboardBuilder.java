package io.dashshare.domain.testing;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.sql.SqlTemplate;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test builder for dashboards. {@link #aSalesDashboard()} mirrors the demo's
 * {@code sales-overview} (docs/operations.md#the-demo): period_start/period_end dates, a dynamic multi_select
 * {@code status} and a static select {@code region}.
 */
public final class DashboardBuilder {

    public static final String DYNAMIC_STATUS_SQL =
            "select distinct status as value, status as label from demo.orders "
                    + "where (:search::text is null or status ilike '%' || :search || '%') order by 1";

    private DashboardId id = new DashboardId(UUID.randomUUID());
    private CompanyId companyId = new CompanyId(UUID.randomUUID());
    private String slug = "sales-overview";
    private String name = "Sales overview";
    private String description = "Orders and revenue";
    private String dataSource = "demo";
    private final List<FilterDefinition> filters = new ArrayList<>();
    private final List<Widget> widgets = new ArrayList<>();
    private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");

    private DashboardBuilder() {
    }

    public static DashboardBuilder aDashboard() {
        return new DashboardBuilder();
    }

    public static DashboardBuilder aSalesDashboard() {
        return aDashboard()
                .withFilter(FilterBuilder.aDateFilter("period_start").withDefault("2025-01-01"))
                .withFilter(FilterBuilder.aDateFilter("period_end").withDefault("2025-12-31"))
                .withFilter(FilterBuilder.aMultiSelect("status").withDynamicOptions(DYNAMIC_STATUS_SQL))
                .withFilter(FilterBuilder.aSelect("region").withStaticOptions("north", "south", "east", "west"))
                .withWidget("revenue", Visualization.NUMBER,
                        "select sum(amount) as revenue from demo.orders where order_date between :period_start and :period_end"
                                + " and (:status::text[] is null or status = any(:status))"
                                + " and (:region::text is null or region = :region)");
    }

    /**
     * The sales dashboard plus one filter of every other shape: {@code min_amount} (number),
     * {@code customer} (text), {@code channel} (static select, default {@code web}), {@code tags}
     * (static multi_select, default {@code [a]}) and {@code segment} (dynamic select).
     */
    public static DashboardBuilder aDashboardWithEveryFilterKind() {
        return aSalesDashboard()
                .withFilter(FilterBuilder.aNumberFilter("min_amount"))
                .withFilter(FilterBuilder.aTextFilter("customer"))
                .withFilter(FilterBuilder.aSelect("channel").withStaticOptions("web", "store", "phone").withDefault("web"))
                .withFilter(FilterBuilder.aMultiSelect("tags").withStaticOptions("a", "b", "c").withDefault("a"))
                .withFilter(FilterBuilder.aSelect("segment").withDynamicOptions(
                        "select code as value, name as label from demo.segments"
                                + " where (:search::text is null or name ilike '%' || :search || '%')"
                                + " and (:region::text is null or region = :region)"));
    }

    public DashboardBuilder withId(DashboardId value) {
        this.id = value;
        return this;
    }

    public DashboardBuilder inCompany(CompanyId value) {
        this.companyId = value;
        return this;
    }

    public DashboardBuilder withSlug(String value) {
        this.slug = value;
        return this;
    }

    public DashboardBuilder withName(String value) {
        this.name = value;
        return this;
    }

    public DashboardBuilder withDataSource(String value) {
        this.dataSource = value;
        return this;
    }

    public DashboardBuilder withFilter(FilterBuilder filter) {
        filters.add(filter.build());
        return this;
    }

    public DashboardBuilder withFilter(FilterDefinition filter) {
        filters.add(filter);
        return this;
    }

    public DashboardBuilder withWidget(String widgetSlug, Visualization visualization, String sql) {
        widgets.add(new Widget(new WidgetSlug(widgetSlug), widgetSlug, visualization, SqlTemplate.parse(sql)));
        return this;
    }

    public DashboardBuilder createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    public DashboardDefinition definition() {
        return new DashboardDefinition(new DashboardSlug(slug), name, description, new DataSourceName(dataSource),
                filters, widgets);
    }

    public Dashboard build() {
        return Dashboard.create(id, companyId, definition(), createdAt);
    }
}
