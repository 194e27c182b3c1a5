package io.dashshare.inmemory;

import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.portal.RefreshOutcome;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Portal sessions and refresh-token hashes in memory; spending a token is one locked step. */
public final class InMemoryShareSessionRepository implements ShareSessionRepository {

    private record RefreshToken(SessionId session, Instant createdAt, Instant usedAt) {
    }

    private static final Comparator<ShareSession> ORDER = Ordering.byCreation(ShareSession::createdAt,
            s -> s.id().value());

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
            if (s != null) {
                sessions.put(id, s.revoked(now));
            }
        }
    }

    @Override
    public int revokeAll(CompanyId company, EmailAddress email, Instant now) {
        synchronized (store) {
            List<ShareSession> active = sessions.values().stream()
                    .filter(s -> s.companyId().equals(company) && s.email().equals(email) && s.revokedAt().isEmpty())
                    .toList();
            active.forEach(s -> sessions.put(s.id(), s.revoked(now)));
            return active.size();
        }
    }

    @Override
    public void markSeen(SessionId id, Instant now) {
        synchronized (store) {
            ShareSession s = sessions.get(id);
            if (s != null && s.lastSeenAt().isBefore(now)) {
                sessions.put(id, s.seenAt(now));
            }
        }
    }

    @Override
    public List<ShareSession> listActive(CompanyId company, Set<EmailAddress> emails, Set<EmailDomain> domains,
                                         Instant now) {
        synchronized (store) {
            return sessions.values().stream()
                    .filter(s -> s.companyId().equals(company) && s.isActive(now)
                            && (emails.contains(s.email()) || domains.contains(s.email().domain())))
                    .sorted(ORDER)
                    .toList();
        }
    }
}
