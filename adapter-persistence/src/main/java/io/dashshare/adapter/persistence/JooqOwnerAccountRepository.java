package io.dashshare.adapter.persistence;

import io.dashshare.domain.port.Conflicts;
import static io.dashshare.adapter.persistence.jooq.Tables.OWNER_ACCOUNTS;

import io.dashshare.adapter.persistence.jooq.Keys;
import io.dashshare.adapter.persistence.jooq.tables.records.OwnerAccountsRecord;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

public final class JooqOwnerAccountRepository implements OwnerAccountRepository {

    private final DSLContext db;

    public JooqOwnerAccountRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<OwnerAccount> findByEmail(EmailAddress email) {
        return DatabaseFailures.call(() -> db.selectFrom(OWNER_ACCOUNTS).where(OWNER_ACCOUNTS.EMAIL.eq(email.value()))
                .fetchOptional().map(RecordMappers::owner));
    }

    @Override
    public Optional<OwnerAccount> findById(OwnerId id) {
        return DatabaseFailures.call(() -> db.selectFrom(OWNER_ACCOUNTS).where(OWNER_ACCOUNTS.ID.eq(id.value()))
                .fetchOptional().map(RecordMappers::owner));
    }

    @Override
    public void save(OwnerAccount account) {
        OwnerAccountsRecord row = RecordMappers.record(account);
        DatabaseFailures.run(() -> {
            try {
                db.insertInto(OWNER_ACCOUNTS).set(row)
                        .onConflict(OWNER_ACCOUNTS.ID).doUpdate()
                        .set(OWNER_ACCOUNTS.COMPANY_ID, row.getCompanyId())
                        .set(OWNER_ACCOUNTS.EMAIL, row.getEmail())
                        .set(OWNER_ACCOUNTS.PASSWORD_HASH, row.getPasswordHash())
                        .execute();
            } catch (DataAccessException e) {
                if (DatabaseFailures.violated(e, DatabaseFailures.UNIQUE_VIOLATION)
                        .filter(Keys.OWNER_ACCOUNTS_EMAIL_KEY.getName()::equals).isPresent()) {
                    throw Conflicts.ownerEmailTaken();
                }
                throw e;
            }
        });
    }
}
