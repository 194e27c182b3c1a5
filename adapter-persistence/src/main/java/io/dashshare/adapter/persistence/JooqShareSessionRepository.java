package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.REFRESH_TOKENS;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARE_SESSIONS;

import io.dashshare.adapter.persistence.jooq.Keys;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.exception.DataAccessException;

/** Portal sessions and their refresh tokens, held as SHA-256 hashes only. */
public final class JooqShareSessionRepository implements ShareSessionRepository {

    private final DSLContext db;

    public JooqShareSessionRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public void create(ShareSession session) {
        DatabaseFailures.run(() -> {
            try {
                db.insertInto(SHARE_SESSIONS).set(RecordMappers.record(session)).execute();
            } catch (DataAccessException e) {
                if (DatabaseFailures.violated(e, DatabaseFailures.UNIQUE_VIOLATION).isPresent()) {
                    throw new IllegalStateException("session " + session.id() + " exists already: ids must be fresh", e);
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<ShareSession> find(SessionId id) {
        return DatabaseFailures.call(() -> load(id.value()));
    }

    private Optional<ShareSession> load(UUID id) {
        return db.selectFrom(SHARE_SESSIONS).where(SHARE_SESSIONS.ID.eq(id)).fetchOptional().map(RecordMappers::session);
    }

    @Override
    public void addRefreshToken(SessionId session, TokenHash hash, Instant now) {
        DatabaseFailures.run(() -> {
            try {
                db.insertInto(REFRESH_TOKENS)
                        .set(REFRESH_TOKENS.TOKEN_HASH, hash.hex())
                        .set(REFRESH_TOKENS.SESSION_ID, session.value())
                        .set(REFRESH_TOKENS.CREATED_AT, Times.column(now))
                        .execute();
            } catch (DataAccessException e) {
                if (DatabaseFailures.violated(e, DatabaseFailures.FOREIGN_KEY_VIOLATION).isPresent()) {
                    throw SharingException.notFound("session");
                }
                if (DatabaseFailures.violated(e, DatabaseFailures.UNIQUE_VIOLATION)
                        .filter(Keys.REFRESH_TOKENS_PKEY.getName()::equals).isPresent()) {
                    throw new IllegalStateException("refresh token hash collision: the token was not random", e);
                }
                throw e;
            }
        });
    }

    /**
     * The conditional UPDATE is the decision: of concurrent presenters of one fresh token, the
     * database lets exactly one set {@code used_at}; the others then find it spent, a replay.
     */
    @Override
    public RefreshOutcome spendRefreshToken(TokenHash hash, Instant now) {
        return DatabaseFailures.call(() -> {
            Optional<UUID> spent = db.update(REFRESH_TOKENS)
                    .set(REFRESH_TOKENS.USED_AT, Times.column(now))
                    .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash.hex()), REFRESH_TOKENS.USED_AT.isNull())
                    .returning(REFRESH_TOKENS.SESSION_ID)
                    .fetchOptional(REFRESH_TOKENS.SESSION_ID);
            if (spent.isPresent()) {
                return new RefreshOutcome.Rotated(sessionOf(spent.get()));
            }
            Optional<UUID> known = db.select(REFRESH_TOKENS.SESSION_ID).from(REFRESH_TOKENS)
                    .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash.hex()))
                    .fetchOptional(REFRESH_TOKENS.SESSION_ID);
            return known.<RefreshOutcome>map(id -> new RefreshOutcome.Replayed(sessionOf(id)))
                    .orElseGet(RefreshOutcome.Unknown::new);
        });
    }

    private ShareSession sessionOf(UUID id) {
        // The foreign key holds a token's session for as long as the token exists.
        return load(id).orElseThrow(() -> new IllegalStateException("refresh token without session " + id));
    }

    @Override
    public int revokeAll(CompanyId company, EmailAddress email, Instant now) {
        return DatabaseFailures.call(() -> db.update(SHARE_SESSIONS)
                .set(SHARE_SESSIONS.REVOKED_AT, Times.column(now))
                .where(SHARE_SESSIONS.COMPANY_ID.eq(company.value()), SHARE_SESSIONS.EMAIL.eq(email.value()),
                        SHARE_SESSIONS.REVOKED_AT.isNull())
                .execute());
    }

    @Override
    public void markSeen(SessionId session, Instant now) {
        DatabaseFailures.run(() -> db.update(SHARE_SESSIONS)
                .set(SHARE_SESSIONS.LAST_SEEN_AT, Times.column(now))
                .where(SHARE_SESSIONS.ID.eq(session.value()), SHARE_SESSIONS.LAST_SEEN_AT.lt(Times.column(now)))
                .execute());
    }

    /** The email's domain is its part after the last {@code @}, as {@link EmailAddress#domain()} has it. */
    @Override
    public List<ShareSession> listActive(CompanyId company, Set<EmailAddress> emails, Set<EmailDomain> domains,
                                         Instant now) {
        if (emails.isEmpty() && domains.isEmpty()) {
            return List.of();
        }
        Field<String> domain = DSL.substring(SHARE_SESSIONS.EMAIL,
                DSL.position(SHARE_SESSIONS.EMAIL, DSL.inline("@")).plus(1));
        return DatabaseFailures.call(() -> db.selectFrom(SHARE_SESSIONS)
                .where(SHARE_SESSIONS.COMPANY_ID.eq(company.value()), SHARE_SESSIONS.REVOKED_AT.isNull(),
                        SHARE_SESSIONS.EXPIRES_AT.gt(Times.column(now)))
                .and(SHARE_SESSIONS.EMAIL.in(emails.stream().map(EmailAddress::value).toList())
                        .or(domain.in(domains.stream().map(EmailDomain::value).toList())))
                .orderBy(SHARE_SESSIONS.CREATED_AT, SHARE_SESSIONS.ID)
                .fetch(RecordMappers::session));
    }

    @Override
    public void revoke(SessionId session, Instant now) {
        DatabaseFailures.run(() -> db.update(SHARE_SESSIONS)
                .set(SHARE_SESSIONS.REVOKED_AT, Times.column(now))
                .where(SHARE_SESSIONS.ID.eq(session.value()), SHARE_SESSIONS.REVOKED_AT.isNull())
                .execute());
    }
}
