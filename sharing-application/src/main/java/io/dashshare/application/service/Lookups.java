package io.dashshare.application.service;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.tenant.CompanyId;

/** Company-scoped loads that answer {@code NOT_FOUND} for anything outside the company. */
final class Lookups {

    private Lookups() {
    }

    static Dashboard dashboard(DashboardCatalog catalog, CompanyId company, DashboardId id) {
        return catalog.findById(company, id).orElseThrow(() -> SharingException.notFound("Dashboard"));
    }
}
