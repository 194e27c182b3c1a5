package io.dashshare.application.port.in;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.tenant.Company;
import java.util.List;

/** The person behind a valid share-access token, with their contexts as of this request. */
public record PortalViewer(Company company, EmailAddress email, List<ShareContext> contexts) {

    public PortalViewer {
        contexts = List.copyOf(contexts);
    }
}
