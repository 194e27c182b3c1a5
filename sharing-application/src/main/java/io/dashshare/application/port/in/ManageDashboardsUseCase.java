package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardId;
import java.util.List;

/** Dashboards CRUD, always within the owner's company (another company's id is {@code NOT_FOUND}). */
public interface ManageDashboardsUseCase {

    List<Dashboard> list(OwnerPrincipal owner);

    Dashboard get(OwnerPrincipal owner, DashboardId id);

    /** The data source must be one the service knows, else {@code INVALID_REQUEST} on {@code data_source}. */
    Dashboard create(OwnerPrincipal owner, DashboardDefinition definition);

    Dashboard update(OwnerPrincipal owner, DashboardId id, DashboardDefinition definition);

    void delete(OwnerPrincipal owner, DashboardId id);
}
