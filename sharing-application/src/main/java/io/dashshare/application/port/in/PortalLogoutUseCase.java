package io.dashshare.application.port.in;

import java.util.Optional;

/** Ends a portal session. */
public interface PortalLogoutUseCase {

    /**
     * Revokes the session of either token, or with {@code everywhere} every session of that person
     * at that company (docs/api.md, share auth); tokens that are not ours change nothing.
     */
    void logout(Optional<String> accessToken, Optional<String> refreshToken, boolean everywhere);
}
