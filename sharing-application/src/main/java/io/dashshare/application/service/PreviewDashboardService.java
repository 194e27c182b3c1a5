package io.dashshare.application.service;

import io.dashshare.domain.tenant.Permission;
import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.PreviewDashboardUseCase;
import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.port.DashboardCatalog;
import java.util.Map;

public final class PreviewDashboardService implements PreviewDashboardUseCase {

    private final DashboardCatalog catalog;
    private final DashboardRunner runner;
    private final FilterOptionsRunner options;

    public PreviewDashboardService(DashboardCatalog catalog, DashboardRunner runner, FilterOptionsRunner options) {
        this.catalog = catalog;
        this.runner = runner;
        this.options = options;
    }

    @Override
    public DashboardResult execute(OwnerPrincipal owner, DashboardId id, Map<String, RawValue> parameters) {
        owner.require(Permission.PREVIEW);
        return runner.preview(Lookups.dashboard(catalog, owner.companyId(), id), parameters);
    }

    @Override
    public WidgetExport export(OwnerPrincipal owner, DashboardId id, WidgetSlug widget,
                               Map<String, RawValue> parameters) {
        owner.require(Permission.PREVIEW);
        Dashboard dashboard = Lookups.dashboard(catalog, owner.companyId(), id);
        return new WidgetExport(dashboard.slug(), widget, runner.exportPreview(dashboard, widget, parameters));
    }

    @Override
    public OptionsAnswer options(OwnerPrincipal owner, DashboardId id, String filterSlug, String search) {
        owner.require(Permission.PREVIEW);
        return options.preview(Lookups.dashboard(catalog, owner.companyId(), id), filterSlug, search);
    }
}
