package io.dashshare.application.port.in;

import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.RawValue;
import java.util.List;
import java.util.Map;

/**
 * The share portal. Every call checks the share-access token against the company slug, the live
 * session and the current membership. {@code contextId} problems are {@code INVALID_CONTEXT_ID}.
 */
public interface ViewSharePortalUseCase {

    PortalViewer authenticate(String companySlug, String accessToken);

    List<PortalDashboard> dashboards(PortalViewer viewer);

    SharedDashboard resolve(PortalViewer viewer, String dashboardSlug, String contextId);

    DashboardResult execute(PortalViewer viewer, String dashboardSlug, String contextId,
                            Map<String, RawValue> parameters);

    OptionsAnswer options(PortalViewer viewer, String dashboardSlug, String contextId, String filterSlug,
                          String search);
}
