package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
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
    private final Audit audit;

    public PreviewDashboardService(DashboardCatalog catalog, DashboardRunner runner, FilterOptionsRunner options,
                                   Audit audit) {
        this.catalog = catalog;
        this.runner = runner;
        this.options = options;
        this.audit = audit;
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
        // Every export is an event (docs/api.md, exports), the owner's too; a preview is not.
        Audit.Draft draft = audit.owner(AuditType.WIDGET_EXPORTED, owner).dashboard(dashboard.id())
                .detail("widget_slug", widget.value());
        try {
            return AuditedRows.audited(new WidgetExport(dashboard.slug(), widget,
                    runner.exportPreview(dashboard, widget, parameters, draft::parameters)), draft);
        } catch (RuntimeException e) {
            draft.failed(e);
            throw e;
        }
    }

    @Override
    public OptionsAnswer options(OwnerPrincipal owner, DashboardId id, String filterSlug, String search) {
        owner.require(Permission.PREVIEW);
        return options.preview(Lookups.dashboard(catalog, owner.companyId(), id), filterSlug, search);
    }
}
