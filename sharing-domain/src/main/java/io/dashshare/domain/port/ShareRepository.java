package io.dashshare.domain.port;

import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ShareRepository {

    /** Inserts or updates by id. */
    void save(Share share);

    Optional<Share> findById(CompanyId company, ShareId id);

    /** Across companies: the token alone identifies the share. */
    Optional<Share> findByTokenHash(TokenHash hash);

    List<Share> listByDashboard(CompanyId company, DashboardId dashboard);

    /** Shares bound to any of these contexts, revoked and expired ones included. */
    List<Share> listByContexts(CompanyId company, Collection<ShareContextId> contexts);
}
