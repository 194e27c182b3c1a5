package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.CompanySlug;

/** Step one of the portal sign-in (docs/api.md, share auth): a one-time code by mail. */
public interface RequestCodeUseCase {

    /**
     * Sends a code when the email may see something at that company; answers the same way, in
     * comparable time, otherwise. Throttled per email and per client address ({@code client}'s
     * address as the socket or trusted proxy gave it: {@code RATE_LIMITED}). A request to an
     * existing company is a {@code portal.code_requested} event of it, member or not.
     */
    void requestCode(CompanySlug company, EmailAddress email, AuditClient client);

    default void requestCode(CompanySlug company, EmailAddress email, String clientAddress) {
        requestCode(company, email, new AuditClient(clientAddress, null, null));
    }
}
