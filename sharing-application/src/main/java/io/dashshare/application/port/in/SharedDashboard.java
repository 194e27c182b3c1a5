package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.filter.ViewerFilter;
import io.dashshare.domain.tenant.Company;
import java.util.List;

/**
 * What a viewer needs to draw a dashboard (resolve, portal dashboard, embed info): the
 * dashboard, the filters they may use under their rules, and the owning company.
 */
public record SharedDashboard(Company company, Dashboard dashboard, List<ViewerFilter> filters) {

    public SharedDashboard {
        filters = List.copyOf(filters);
    }
}
