package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The person behind a valid share-access token, with their contexts as of this request, and the
 * client the request came from (for its audit events, docs/api.md, audit log). {@code shares}
 * (bound to those contexts, in any state) and {@code dashboards} (the company's, by slug) answer
 * as of the request's read of the session or later: the use case reads them only through these.
 */
public record PortalViewer(Company company, EmailAddress email, List<ShareContext> contexts, AuditClient client,
                           Supplier<List<Share>> shares, Function<DashboardSlug, Optional<Dashboard>> dashboards) {

    public PortalViewer {
        contexts = List.copyOf(contexts);
        client = client == null ? AuditClient.NONE : client;
        Objects.requireNonNull(shares);
        Objects.requireNonNull(dashboards);
    }

    /** A viewer with nothing shared, for callers that answer for the use case themselves (tests of the adapters). */
    public PortalViewer(Company company, EmailAddress email, List<ShareContext> contexts) {
        this(company, email, contexts, AuditClient.NONE, List::of, slug -> Optional.empty());
    }

    /** The context {@code id} if this person is a member of it. */
    public Optional<ShareContext> context(ShareContextId id) {
        return contexts.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
