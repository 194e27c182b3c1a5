package io.dashshare.inmemory;

import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.portal.RefreshOutcome;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.TokenHash;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Portal sessions and refresh-token hashes in memory; spending a token is one locked step. */
public final class InMemoryShareSessionRepository implements ShareSessionRepository {

    private record RefreshToken(SessionId session, Instant createdAt, Instant usedAt) {
    }

    private final InMemoryStore store;
    private final Map<SessionId, ShareSession> sessions;
    private final Map<TokenHash, RefreshToken> tokens;

    InMemoryShareSessionRepository(InMemoryStore store) {
        this.store = store;
        this.sessions = store.table();
        this.tokens = store.table();
    }

    @Override
    public void create(ShareSession session) {
        synchronized (store) {
            if (sessions.containsKey(session.id())) {
                throw new IllegalStateException("session " + session.id() + " exists already: ids must be fresh");
            }
            sessions.put(session.id(), session);
        }
    }

    @Override
    public Optional<ShareSession> find(SessionId id) {
        synchronized (store) {
            return Optional.ofNullable(sessions.get(id));
        }
    }

    @Override
    public void addRefreshToken(SessionId session, TokenHash hash, Instant now) {
        synchronized (store) {
            if (!sessions.containsKey(session)) {
                throw SharingException.notFound("session");
            }
            if (tokens.containsKey(hash)) {
                throw new IllegalStateException("refresh token hash collision: the token was not random");
            }
            tokens.put(hash, new RefreshToken(session, now, null));
        }
    }

    @Override
    public RefreshOutcome spendRefreshToken(TokenHash hash, Instant now) {
        synchronized (store) {
            RefreshToken token = tokens.get(hash);
            if (token == null) {
                return new RefreshOutcome.Unknown();
            }
            ShareSession session = sessions.get(token.session());
            if (token.usedAt() != null) {
                return new RefreshOutcome.Replayed(session);
            }
            tokens.put(hash, new RefreshToken(token.session(), token.createdAt(), now));
            return new RefreshOutcome.Rotated(session);
        }
    }

    @Override
    public void revoke(SessionId id, Instant now) {
        synchronized (store) {
            ShareSession s = sessions.get(id);
            if (s != null && s.revokedAt().isEmpty()) {
                sessions.put(id, new ShareSession(s.id(), s.companyId(), s.email(), s.createdAt(), s.expiresAt(),
                        Optional.of(now)));
            }
        }
    }
}
