package io.dashshare.application.port.in;

/** Password login of the company's own people. */
public interface OwnerLoginUseCase {

    /**
     * Wrong password, unknown email and malformed input all answer {@code UNAUTHENTICATED}
     * alike, with comparable timing.
     */
    OwnerPrincipal login(String email, String password);
}
