package io.dashshare.application.port.in;

import io.dashshare.domain.common.EmailAddress;

/** Password login of the company's own people. */
public interface OwnerLoginUseCase {

    /**
     * Wrong password and unknown email answer {@code UNAUTHENTICATED} alike, with comparable
     * timing.
     */
    OwnerPrincipal login(EmailAddress email, String password);
}
