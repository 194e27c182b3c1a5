package io.dashshare.application.port.in;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.CompanySlug;

/** Step one of the portal sign-in (docs/api.md, share auth): a one-time code by mail. */
public interface RequestCodeUseCase {

    /**
     * Sends a code when the email may see something at that company; answers the same way, in
     * comparable time, otherwise. Throttled per email and per client address ({@code RATE_LIMITED}).
     */
    void requestCode(CompanySlug company, EmailAddress email, String clientAddress);
}
