package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.RawValue;
import java.util.List;
import java.util.Map;

/**
 * The share portal. Every call checks the share-access token against the company slug, the live
 * session and the current membership. A context the viewer is not in, or one that does not show
 * the dashboard, is {@code INVALID_CONTEXT_ID}; a dashboard not shared with them at all is {@code NOT_FOUND}.
 */
public interface ViewSharePortalUseCase {

    /** The viewer of a request from {@code client}: every event of what they do next names it. */
    PortalViewer authenticate(String companySlug, String accessToken, AuditClient client);

    default PortalViewer authenticate(String companySlug, String accessToken) {
        return authenticate(companySlug, accessToken, AuditClient.NONE);
    }

    List<PortalDashboard> dashboards(PortalViewer viewer);

    /** The dashboard shown through one of the viewer's contexts; its {@code context} is the one asked for. */
    PortalDashboardView resolve(PortalViewer viewer, DashboardSlug dashboard, ShareContextId context);

    DashboardResult execute(PortalViewer viewer, DashboardSlug dashboard, ShareContextId context,
                            Map<String, RawValue> parameters);

    OptionsAnswer options(PortalViewer viewer, DashboardSlug dashboard, ShareContextId context, String filterSlug,
                          String search);

    /** One widget's rows as execute would compute them; 403 ({@code downloads_disabled}) unless the share allows it. */
    WidgetExport export(PortalViewer viewer, DashboardSlug dashboard, ShareContextId context, WidgetSlug widget,
                        Map<String, RawValue> parameters);
}
