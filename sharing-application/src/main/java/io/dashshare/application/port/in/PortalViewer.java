package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.tenant.Company;
import java.util.List;
import java.util.Optional;

/**
 * The person behind a valid share-access token, with their contexts as of this request, and the
 * client the request came from (for its audit events, docs/api.md, audit log).
 */
public record PortalViewer(Company company, EmailAddress email, List<ShareContext> contexts, AuditClient client) {

    public PortalViewer {
        contexts = List.copyOf(contexts);
        client = client == null ? AuditClient.NONE : client;
    }

    public PortalViewer(Company company, EmailAddress email, List<ShareContext> contexts) {
        this(company, email, contexts, AuditClient.NONE);
    }

    /** The context {@code id} if this person is a member of it. */
    public Optional<ShareContext> context(ShareContextId id) {
        return contexts.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
