package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.tenant.Permission;
import io.dashshare.application.port.in.ManageDashboardsUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.UnitOfWork;
import java.time.Clock;
import java.util.List;

public final class ManageDashboardsService implements ManageDashboardsUseCase {

    private final DashboardCatalog catalog;
    private final QueryExecutor executor;
    private final RandomSource random;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Audit audit;

    public ManageDashboardsService(DashboardCatalog catalog, QueryExecutor executor, RandomSource random,
                                   UnitOfWork unitOfWork, Clock clock, Audit audit) {
        this.catalog = catalog;
        this.executor = executor;
        this.random = random;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public List<Dashboard> list(OwnerPrincipal owner) {
        owner.require(Permission.READ);
        return catalog.list(owner.companyId());
    }

    @Override
    public Dashboard get(OwnerPrincipal owner, DashboardId id) {
        owner.require(Permission.READ);
        return Lookups.dashboard(catalog, owner.companyId(), id);
    }

    @Override
    public Dashboard create(OwnerPrincipal owner, DashboardDefinition definition) {
        owner.require(Permission.EDIT_DASHBOARDS);
        checkDataSource(definition);
        Dashboard dashboard = Dashboard.create(new DashboardId(random.uuid()), owner.companyId(), definition,
                clock.instant());
        unitOfWork.run(() -> catalog.save(dashboard));
        audit.owner(AuditType.DASHBOARD_CREATED, owner).dashboard(dashboard.id())
                .detail("slug", definition.slug().value()).ok();
        return dashboard;
    }

    @Override
    public Dashboard update(OwnerPrincipal owner, DashboardId id, DashboardDefinition definition) {
        owner.require(Permission.EDIT_DASHBOARDS);
        checkDataSource(definition);
        Dashboard changed = unitOfWork.inTransaction(() -> {
            Dashboard updated = Lookups.dashboard(catalog, owner.companyId(), id).redefine(definition, clock.instant());
            catalog.save(updated);
            return updated;
        });
        audit.owner(AuditType.DASHBOARD_UPDATED, owner).dashboard(id).detail("slug", definition.slug().value())
                .detail("version", changed.version()).ok();
        return changed;
    }

    @Override
    public void delete(OwnerPrincipal owner, DashboardId id) {
        owner.require(Permission.EDIT_DASHBOARDS);
        if (!unitOfWork.inTransaction(() -> catalog.delete(owner.companyId(), id))) {
            throw SharingException.notFound("Dashboard");
        }
        audit.owner(AuditType.DASHBOARD_DELETED, owner).dashboard(id).ok();
    }

    private void checkDataSource(DashboardDefinition definition) {
        if (!executor.dataSources().contains(definition.dataSource())) {
            throw SharingException.invalidRequest("data_source",
                    "data_source: unknown data source '" + definition.dataSource() + "'");
        }
    }
}
