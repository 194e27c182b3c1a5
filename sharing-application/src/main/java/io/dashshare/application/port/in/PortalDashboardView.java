package io.dashshare.application.port.in;

import io.dashshare.domain.context.ShareContext;
import java.util.Objects;

/** A portal dashboard as the viewer sees it, and the share context it is shown through. */
public record PortalDashboardView(SharedDashboard dashboard, ShareContext context) {

    public PortalDashboardView {
        Objects.requireNonNull(dashboard);
        Objects.requireNonNull(context);
    }
}
