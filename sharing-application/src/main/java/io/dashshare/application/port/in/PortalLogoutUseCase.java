package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import java.util.Optional;

/** Ends a portal session. */
public interface PortalLogoutUseCase {

    /**
     * Revokes the session of either token, or with {@code everywhere} every session of that person
     * at that company (docs/api.md, share auth); tokens that are not ours change nothing. Each
     * session ended is a {@code portal.signed_out} event.
     */
    void logout(Optional<String> accessToken, Optional<String> refreshToken, boolean everywhere, AuditClient client);

    default void logout(Optional<String> accessToken, Optional<String> refreshToken, boolean everywhere) {
        logout(accessToken, refreshToken, everywhere, AuditClient.NONE);
    }
}
