package io.dashshare.application.service;

import io.dashshare.application.port.in.PortalLogoutUseCase;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.portal.RefreshOutcome;
import io.dashshare.domain.secret.SecretToken;
import java.time.Clock;
import java.time.Instant;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Ends the portal session of a share-access token and/or a refresh token, or all of that person's. */
public final class PortalLogoutService implements PortalLogoutUseCase {

    private final ShareSessionRepository sessions;
    private final ShareAccessTokens accessTokens;
    private final Clock clock;
    private final Audit audit;

    public PortalLogoutService(ShareSessionRepository sessions, ShareAccessTokens accessTokens, Clock clock,
                               Audit audit) {
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void logout(Optional<String> accessToken, Optional<String> refreshToken, boolean everywhere,
                       AuditClient client) {
        Instant now = clock.instant();
        List<ShareSession> ended = new ArrayList<>();
        accessToken.ifPresent(token -> {
            try {
                sessions.find(accessTokens.verify(token, true).sessionId()).ifPresent(ended::add);
            } catch (SharingException e) {
                // Logging out with a token that is not ours changes nothing.
            }
        });
        refreshToken.filter(SecretToken::hasTokenShape).ifPresent(token -> {
            RefreshOutcome outcome = sessions.spendRefreshToken(SecretToken.hashOfPresented(token), now);
            if (outcome instanceof RefreshOutcome.Rotated r) {
                ended.add(r.session());
            } else if (outcome instanceof RefreshOutcome.Replayed r) {
                ended.add(r.session());
            }
        });
        Set<SessionId> signedOut = new HashSet<>();
        for (ShareSession session : ended) {
            // Everywhere only from a session that is still live: a token already signed out cannot sign anyone out.
            if (everywhere && session.isActive(now)) {
                sessions.revokeAll(session.companyId(), session.email(), now);
            }
            sessions.revoke(session.id(), now);
            // Both tokens of one session end it once: one event.
            if (session.isActive(now) && signedOut.add(session.id())) {
                audit.event(AuditType.PORTAL_SIGNED_OUT, AuditFlow.PORTAL, session.companyId(),
                        new AuditActor.Email(session.email().value()), client).detail("everywhere", everywhere).ok();
            }
        }
    }
}
