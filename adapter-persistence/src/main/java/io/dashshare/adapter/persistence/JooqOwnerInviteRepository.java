package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.OWNER_INVITES;

import io.dashshare.domain.port.OwnerInviteRepository;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.OwnerInvite;
import java.time.Instant;
import java.util.Optional;
import org.jooq.ContextTransactionalRunnable;
import org.jooq.DSLContext;

public final class JooqOwnerInviteRepository implements OwnerInviteRepository {

    private final DSLContext db;

    public JooqOwnerInviteRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Both statements in one transaction: a thread-bound one (joined by the caller's unit of work,
     * as a savepoint), like every repository call here (see {@link JooqUnitOfWork}).
     */
    @Override
    public void replace(OwnerInvite invite) {
        DatabaseFailures.run(() -> db.transaction((ContextTransactionalRunnable) () -> {
            db.deleteFrom(OWNER_INVITES).where(OWNER_INVITES.OWNER_ID.eq(invite.ownerId().value())).execute();
            db.insertInto(OWNER_INVITES).set(RecordMappers.record(invite)).execute();
        }));
    }

    @Override
    public Optional<OwnerInvite> find(TokenHash hash) {
        return DatabaseFailures.call(() -> db.selectFrom(OWNER_INVITES).where(OWNER_INVITES.TOKEN_HASH.eq(hash.hex()))
                .fetchOptional().map(RecordMappers::invite));
    }

    /** One conditional update: of concurrent presenters of one token exactly one sees it spent. */
    @Override
    public Optional<OwnerInvite> consume(TokenHash hash, Instant now) {
        return DatabaseFailures.call(() -> db.update(OWNER_INVITES)
                .set(OWNER_INVITES.USED_AT, Times.column(now))
                .where(OWNER_INVITES.TOKEN_HASH.eq(hash.hex()), OWNER_INVITES.USED_AT.isNull(),
                        OWNER_INVITES.EXPIRES_AT.gt(Times.column(now)))
                .returning().fetchOptional().map(RecordMappers::invite));
    }
}
