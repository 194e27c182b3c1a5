package io.dashshare.adapter.persistence;

import io.dashshare.domain.port.Conflicts;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARE_CONTEXTS;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARE_CONTEXT_MEMBERS;

import io.dashshare.adapter.persistence.jooq.Keys;
import io.dashshare.adapter.persistence.jooq.tables.records.ShareContextMembersRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.ShareContextsRecord;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Share contexts and members. Deleting a context deletes its members and the shares bound to it
 * (schema cascades): a bound share must never outlive its context as a public link.
 */
public final class JooqShareContextRepository implements ShareContextRepository {

    private final DSLContext db;

    public JooqShareContextRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public void save(ShareContext context) {
        ShareContextsRecord row = RecordMappers.record(context);
        DatabaseFailures.run(() -> {
            int written = db.insertInto(SHARE_CONTEXTS).set(row)
                    .onConflict(SHARE_CONTEXTS.ID).doUpdate()
                    .set(SHARE_CONTEXTS.NAME, row.getName())
                    .set(SHARE_CONTEXTS.DESCRIPTION, row.getDescription())
                    .where(SHARE_CONTEXTS.COMPANY_ID.eq(row.getCompanyId()))
                    .execute();
            if (written == 0) {
                throw SharingException.notFound("share context");
            }
        });
    }

    @Override
    public Optional<ShareContext> findById(CompanyId company, ShareContextId id) {
        return DatabaseFailures.call(() -> db.selectFrom(SHARE_CONTEXTS)
                .where(SHARE_CONTEXTS.COMPANY_ID.eq(company.value()), SHARE_CONTEXTS.ID.eq(id.value()))
                .fetchOptional().map(RecordMappers::context));
    }

    @Override
    public List<ShareContext> list(CompanyId company) {
        return DatabaseFailures.call(() -> db.selectFrom(SHARE_CONTEXTS)
                .where(SHARE_CONTEXTS.COMPANY_ID.eq(company.value()))
                .orderBy(SHARE_CONTEXTS.CREATED_AT, SHARE_CONTEXTS.ID)
                .fetch(RecordMappers::context));
    }

    @Override
    public boolean delete(CompanyId company, ShareContextId id) {
        return DatabaseFailures.call(() -> db.deleteFrom(SHARE_CONTEXTS)
                .where(SHARE_CONTEXTS.COMPANY_ID.eq(company.value()), SHARE_CONTEXTS.ID.eq(id.value()))
                .execute() == 1);
    }

    @Override
    public void addMember(Member member) {
        ShareContextMembersRecord row = RecordMappers.record(member);
        DatabaseFailures.run(() -> {
            try {
                db.insertInto(SHARE_CONTEXT_MEMBERS).set(row).execute();
            } catch (DataAccessException e) {
                throw translated(e, member);
            }
        });
    }

    private static RuntimeException translated(DataAccessException e, Member member) {
        Optional<String> unique = DatabaseFailures.violated(e, DatabaseFailures.UNIQUE_VIOLATION);
        if (unique.filter(Keys.SHARE_CONTEXT_MEMBERS_CONTEXT_EMAIL_KEY.getName()::equals).isPresent()) {
            return Conflicts.memberEmailTaken();
        }
        if (unique.filter(Keys.SHARE_CONTEXT_MEMBERS_CONTEXT_DOMAIN_KEY.getName()::equals).isPresent()) {
            return Conflicts.memberDomainTaken();
        }
        if (unique.filter(Keys.SHARE_CONTEXT_MEMBERS_PKEY.getName()::equals).isPresent()) {
            return new IllegalStateException("member " + member.id() + " exists already: ids must be fresh", e);
        }
        if (DatabaseFailures.violated(e, DatabaseFailures.FOREIGN_KEY_VIOLATION).isPresent()) {
            return SharingException.notFound("share context");
        }
        return e;
    }

    @Override
    public Optional<Member> findMember(ShareContextId context, MemberId member) {
        return DatabaseFailures.call(() -> db.selectFrom(SHARE_CONTEXT_MEMBERS)
                .where(SHARE_CONTEXT_MEMBERS.CONTEXT_ID.eq(context.value()), SHARE_CONTEXT_MEMBERS.ID.eq(member.value()))
                .fetchOptional().map(RecordMappers::member));
    }

    @Override
    public void updateMember(Member member) {
        DatabaseFailures.run(() -> {
            int updated = db.update(SHARE_CONTEXT_MEMBERS)
                    .set(SHARE_CONTEXT_MEMBERS.EXPIRES_AT, Times.column(member.expiresAt().orElse(null)))
                    .where(SHARE_CONTEXT_MEMBERS.CONTEXT_ID.eq(member.contextId().value()),
                            SHARE_CONTEXT_MEMBERS.ID.eq(member.id().value()))
                    .execute();
            if (updated == 0) {
                throw SharingException.notFound("member");
            }
        });
    }

    @Override
    public List<Member> listMembers(ShareContextId context) {
        return DatabaseFailures.call(() -> db.selectFrom(SHARE_CONTEXT_MEMBERS)
                .where(SHARE_CONTEXT_MEMBERS.CONTEXT_ID.eq(context.value()))
                .orderBy(SHARE_CONTEXT_MEMBERS.CREATED_AT, SHARE_CONTEXT_MEMBERS.ID)
                .fetch(RecordMappers::member));
    }

    @Override
    public boolean removeMember(ShareContextId context, MemberId member) {
        return DatabaseFailures.call(() -> db.deleteFrom(SHARE_CONTEXT_MEMBERS)
                .where(SHARE_CONTEXT_MEMBERS.CONTEXT_ID.eq(context.value()), SHARE_CONTEXT_MEMBERS.ID.eq(member.value()))
                .execute() == 1);
    }

    /**
     * Emails and domains are stored normalised (lower case, punycode), so plain equality is the
     * match; both columns are indexed.
     */
    @Override
    public List<ShareContext> contextsOf(CompanyId company, EmailAddress email, Instant now) {
        return DatabaseFailures.call(() -> db.selectFrom(SHARE_CONTEXTS)
                .where(SHARE_CONTEXTS.COMPANY_ID.eq(company.value()))
                .and(DSL.exists(DSL.selectOne().from(SHARE_CONTEXT_MEMBERS)
                        .where(SHARE_CONTEXT_MEMBERS.CONTEXT_ID.eq(SHARE_CONTEXTS.ID),
                                SHARE_CONTEXT_MEMBERS.EMAIL.eq(email.value())
                                        .or(SHARE_CONTEXT_MEMBERS.DOMAIN.eq(email.domain().value())),
                                SHARE_CONTEXT_MEMBERS.EXPIRES_AT.isNull()
                                        .or(SHARE_CONTEXT_MEMBERS.EXPIRES_AT.gt(Times.column(now))))))
                .orderBy(SHARE_CONTEXTS.CREATED_AT, SHARE_CONTEXTS.ID)
                .fetch(RecordMappers::context));
    }
}
