package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.filter.ViewerFilter;
import io.dashshare.domain.tenant.Company;
import java.util.List;

/**
 * What a viewer needs to draw a dashboard (resolve, portal dashboard, embed info): the
 * dashboard, the filters they may use under their rules, the owning company, and whether they may
 * export widgets ({@code downloads}: the share's switch, or the embed token's claim).
 */
public record SharedDashboard(Company company, Dashboard dashboard, List<ViewerFilter> filters, boolean downloads) {

    public SharedDashboard {
        filters = List.copyOf(filters);
    }

    /** A view without downloads. */
    public SharedDashboard(Company company, Dashboard dashboard, List<ViewerFilter> filters) {
        this(company, dashboard, filters, false);
    }
}
