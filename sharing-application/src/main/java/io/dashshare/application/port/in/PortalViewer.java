package io.dashshare.application.port.in;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.tenant.Company;
import java.util.List;
import java.util.Optional;

/** The person behind a valid share-access token, with their contexts as of this request. */
public record PortalViewer(Company company, EmailAddress email, List<ShareContext> contexts) {

    public PortalViewer {
        contexts = List.copyOf(contexts);
    }

    /** The context {@code id} if this person is a member of it. */
    public Optional<ShareContext> context(ShareContextId id) {
        return contexts.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
