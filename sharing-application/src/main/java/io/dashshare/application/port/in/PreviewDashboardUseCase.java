package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.RawValue;
import java.util.Map;

/** The owner runs a dashboard without any share policy (and without the result cache). */
public interface PreviewDashboardUseCase {

    DashboardResult execute(OwnerPrincipal owner, DashboardId id, Map<String, RawValue> parameters);

    OptionsAnswer options(OwnerPrincipal owner, DashboardId id, String filterSlug, String search);

    /** One widget's rows without any policy; owners may always export. */
    WidgetExport export(OwnerPrincipal owner, DashboardId id, WidgetSlug widget, Map<String, RawValue> parameters);
}
