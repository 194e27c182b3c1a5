package io.dashshare.application.service;

import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.Company;
import java.time.Instant;
import java.util.List;

/**
 * The tokens of a portal session: a short-lived share-access JWT and a fresh refresh token, of
 * which only the hash is stored (docs/tokens.md). Verify and refresh both end here.
 */
public final class PortalSessions {

    private final ShareSessionRepository sessions;
    private final ShareAccessTokens accessTokens;
    private final RandomSource random;

    public PortalSessions(ShareSessionRepository sessions, ShareAccessTokens accessTokens, RandomSource random) {
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.random = random;
    }

    PortalTokens tokens(ShareSession session, Company company, List<ShareContext> memberOf, Instant now) {
        SecretToken refresh = SecretToken.fromRandomBytes(random.bytes(SecretToken.BYTES));
        sessions.addRefreshToken(session.id(), refresh.hash(), now);
        return new PortalTokens(accessTokens.issue(session, company), refresh.value(), accessTokens.ttlSeconds(),
                memberOf);
    }
}
