package io.dashshare.application.service;

import io.dashshare.application.port.in.PortalLogoutUseCase;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.portal.RefreshOutcome;
import io.dashshare.domain.secret.SecretToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Ends the portal session of a share-access token and/or a refresh token. */
public final class PortalLogoutService implements PortalLogoutUseCase {

    private final ShareSessionRepository sessions;
    private final ShareAccessTokens accessTokens;
    private final Clock clock;

    public PortalLogoutService(ShareSessionRepository sessions, ShareAccessTokens accessTokens, Clock clock) {
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.clock = clock;
    }

    @Override
    public void logout(Optional<String> accessToken, Optional<String> refreshToken) {
        Instant now = clock.instant();
        accessToken.ifPresent(token -> {
            try {
                sessions.revoke(accessTokens.verify(token, true).sessionId(), now);
            } catch (SharingException e) {
                // Logging out with a token that is not ours changes nothing.
            }
        });
        refreshToken.filter(SecretToken::hasTokenShape).ifPresent(token -> {
            RefreshOutcome outcome = sessions.spendRefreshToken(SecretToken.hashOfPresented(token), now);
            if (outcome instanceof RefreshOutcome.Rotated r) {
                sessions.revoke(r.session().id(), now);
            } else if (outcome instanceof RefreshOutcome.Replayed r) {
                sessions.revoke(r.session().id(), now);
            }
        });
    }
}
