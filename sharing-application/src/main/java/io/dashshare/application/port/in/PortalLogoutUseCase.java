package io.dashshare.application.port.in;

import java.util.Optional;

/** Ends a portal session. */
public interface PortalLogoutUseCase {

    /** Revokes the session of either token; tokens that are not ours change nothing. */
    void logout(Optional<String> accessToken, Optional<String> refreshToken);
}
