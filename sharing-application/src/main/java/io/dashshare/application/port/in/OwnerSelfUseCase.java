package io.dashshare.application.port.in;

import io.dashshare.domain.tenant.Company;
import java.util.Optional;

/** An owner's own account: who am I, my password, my sign-out. */
public interface OwnerSelfUseCase {

    Me me(OwnerPrincipal owner);

    /**
     * A wrong current password is {@code INVALID_REQUEST} on {@code current_password} (and
     * throttled like a login); the new one must pass the password rules. Every other token of the
     * owner is refused afterwards; {@code tokenId}, the one in use, keeps working. An API key has
     * no password: {@code FORBIDDEN}.
     */
    void changePassword(OwnerPrincipal owner, Optional<String> tokenId, String currentPassword, String newPassword);

    /** The token {@code token} names is refused from now on, everywhere. An API key is {@code FORBIDDEN}. */
    void logout(OwnerPrincipal owner, Optional<AuthenticateOwnerUseCase.OwnerTokenClaims> token);

    record Me(OwnerPrincipal principal, Company company) {
    }
}
