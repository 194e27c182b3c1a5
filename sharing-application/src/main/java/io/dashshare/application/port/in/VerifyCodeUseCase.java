package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.portal.OneTimeCode;
import io.dashshare.domain.tenant.CompanySlug;

/** Step two of the portal sign-in: the code for a session's tokens. */
public interface VerifyCodeUseCase {

    /**
     * Wrong, expired, used or superseded codes are {@code CODE_INVALID}; at most one verify of a
     * code succeeds. Either way an event of an existing company ({@code portal.signed_in} or
     * {@code portal.sign_in_failed}), never with the code.
     */
    PortalTokens verify(CompanySlug company, EmailAddress email, OneTimeCode code, AuditClient client);

    default PortalTokens verify(CompanySlug company, EmailAddress email, OneTimeCode code) {
        return verify(company, email, code, AuditClient.NONE);
    }
}
