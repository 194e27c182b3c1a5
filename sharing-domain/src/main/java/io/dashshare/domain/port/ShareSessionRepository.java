package io.dashshare.domain.port;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.portal.RefreshOutcome;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Portal sessions and their refresh tokens (stored as hashes only). */
public interface ShareSessionRepository {

    void create(ShareSession session);

    Optional<ShareSession> find(SessionId id);

    void addRefreshToken(SessionId session, TokenHash hash, Instant now);

    /** Atomically spends a refresh token: only one presenter of a fresh token sees {@code Rotated}. */
    RefreshOutcome spendRefreshToken(TokenHash hash, Instant now);

    void revoke(SessionId session, Instant now);

    /** Revokes every active session of this email at this company; returns how many it revoked. */
    int revokeAll(CompanyId company, EmailAddress email, Instant now);

    /** Moves {@code last_seen_at} forward to {@code now} (never back). */
    void markSeen(SessionId session, Instant now);

    /**
     * The sessions of this company, active at {@code now}, whose email is one of {@code emails} or
     * at one of {@code domains}; oldest first.
     */
    List<ShareSession> listActive(CompanyId company, Set<EmailAddress> emails, Set<EmailDomain> domains, Instant now);
}
