package io.dashshare.domain.port;

import io.dashshare.domain.portal.RefreshOutcome;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.TokenHash;
import java.time.Instant;
import java.util.Optional;

/** Portal sessions and their refresh tokens (stored as hashes only). */
public interface ShareSessionRepository {

    void create(ShareSession session);

    Optional<ShareSession> find(SessionId id);

    void addRefreshToken(SessionId session, TokenHash hash, Instant now);

    /** Atomically spends a refresh token: only one presenter of a fresh token sees {@code Rotated}. */
    RefreshOutcome spendRefreshToken(TokenHash hash, Instant now);

    void revoke(SessionId session, Instant now);
}
