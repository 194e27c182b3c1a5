package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.share.ShareId;
import java.util.List;

/** Owner side of shares (docs/api.md#dashboards). */
public interface ManageSharesUseCase {

    /**
     * Policies are validated against the dashboard; any problem is {@code INVALID_REQUEST} naming
     * the policy ({@code share_filter_policies[i]}).
     */
    CreatedShare create(OwnerPrincipal owner, DashboardId dashboard, NewShare request);

    List<Share> list(OwnerPrincipal owner, DashboardId dashboard);

    Share get(OwnerPrincipal owner, ShareId id);

    Share update(OwnerPrincipal owner, ShareId id, ShareChanges changes);

    /** Revoking cuts access at once; revoking twice is harmless. */
    Share revoke(OwnerPrincipal owner, ShareId id);

    /** A new token; the old one is refused from now on. */
    CreatedShare rotateToken(OwnerPrincipal owner, ShareId id);

    /** The viewer page of a token. */
    String viewerUrl(String token);
}
