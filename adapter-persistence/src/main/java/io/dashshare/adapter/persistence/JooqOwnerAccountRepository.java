package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.OWNER_ACCOUNTS;

import io.dashshare.adapter.persistence.jooq.Keys;
import io.dashshare.adapter.persistence.jooq.tables.records.OwnerAccountsRecord;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.port.Conflicts;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

public final class JooqOwnerAccountRepository implements OwnerAccountRepository {

    private final DSLContext db;

    public JooqOwnerAccountRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<OwnerAccount> findByEmail(EmailAddress email) {
        return DatabaseFailures.call(() -> db.selectFrom(OWNER_ACCOUNTS).where(OWNER_ACCOUNTS.EMAIL.eq(email.value()))
                .orderBy(OWNER_ACCOUNTS.CREATED_AT, OWNER_ACCOUNTS.ID).fetch(RecordMappers::owner));
    }

    @Override
    public Optional<OwnerAccount> findByEmail(CompanyId company, EmailAddress email) {
        return DatabaseFailures.call(() -> db.selectFrom(OWNER_ACCOUNTS)
                .where(OWNER_ACCOUNTS.COMPANY_ID.eq(company.value()), OWNER_ACCOUNTS.EMAIL.eq(email.value()))
                .fetchOptional().map(RecordMappers::owner));
    }

    @Override
    public Optional<OwnerAccount> findById(OwnerId id) {
        return DatabaseFailures.call(() -> db.selectFrom(OWNER_ACCOUNTS).where(OWNER_ACCOUNTS.ID.eq(id.value()))
                .fetchOptional().map(RecordMappers::owner));
    }

    @Override
    public List<OwnerAccount> list(CompanyId company) {
        // COLLATE "C": byte order, the order the in-memory adapter and Java's String compare use.
        return DatabaseFailures.call(() -> db.selectFrom(OWNER_ACCOUNTS)
                .where(OWNER_ACCOUNTS.COMPANY_ID.eq(company.value()))
                .orderBy(OWNER_ACCOUNTS.CREATED_AT, OWNER_ACCOUNTS.EMAIL.collate(DSL.collation("C")))
                .fetch(RecordMappers::owner));
    }

    /** {@code for update}: the rows stay locked until the caller's transaction ends. */
    @Override
    public List<OwnerAccount> lockTeam(CompanyId company) {
        return DatabaseFailures.call(() -> db.selectFrom(OWNER_ACCOUNTS)
                .where(OWNER_ACCOUNTS.COMPANY_ID.eq(company.value()))
                .orderBy(OWNER_ACCOUNTS.ID)
                .forUpdate()
                .fetch(RecordMappers::owner));
    }

    @Override
    public void save(OwnerAccount account) {
        OwnerAccountsRecord row = RecordMappers.record(account);
        DatabaseFailures.run(() -> {
            try {
                db.insertInto(OWNER_ACCOUNTS).set(row)
                        .onConflict(OWNER_ACCOUNTS.ID).doUpdate()
                        .set(OWNER_ACCOUNTS.EMAIL, row.getEmail())
                        .set(OWNER_ACCOUNTS.PASSWORD_HASH, row.getPasswordHash())
                        .set(OWNER_ACCOUNTS.ROLE, row.getRole())
                        .set(OWNER_ACCOUNTS.STATUS, row.getStatus())
                        .set(OWNER_ACCOUNTS.LAST_LOGIN_AT, row.getLastLoginAt())
                        .set(OWNER_ACCOUNTS.TOKEN_GENERATION, row.getTokenGeneration())
                        .set(OWNER_ACCOUNTS.KEPT_TOKEN_ID, row.getKeptTokenId())
                        .where(OWNER_ACCOUNTS.COMPANY_ID.eq(row.getCompanyId()))
                        .execute();
            } catch (DataAccessException e) {
                if (DatabaseFailures.violated(e, DatabaseFailures.UNIQUE_VIOLATION)
                        .filter(Keys.OWNER_ACCOUNTS_COMPANY_EMAIL_KEY.getName()::equals).isPresent()) {
                    throw Conflicts.ownerEmailTaken();
                }
                throw e;
            }
        });
    }

    @Override
    public boolean delete(CompanyId company, OwnerId id) {
        return DatabaseFailures.call(() -> db.deleteFrom(OWNER_ACCOUNTS)
                .where(OWNER_ACCOUNTS.ID.eq(id.value()), OWNER_ACCOUNTS.COMPANY_ID.eq(company.value())).execute() > 0);
    }
}
