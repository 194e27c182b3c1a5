package io.dashshare.application.port.in;

import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import java.util.List;

/** A dashboard shared with the portal viewer, and the contexts through which they see it. */
public record PortalDashboard(Dashboard dashboard, List<ShareContext> contexts) {

    public PortalDashboard {
        contexts = List.copyOf(contexts);
    }
}
