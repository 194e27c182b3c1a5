package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.API_KEYS;

import io.dashshare.adapter.persistence.jooq.tables.records.ApiKeysRecord;
import io.dashshare.domain.port.ApiKeyRepository;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqApiKeyRepository implements ApiKeyRepository {

    private final DSLContext db;

    public JooqApiKeyRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public void save(ApiKey key) {
        ApiKeysRecord row = RecordMappers.record(key);
        DatabaseFailures.run(() -> db.insertInto(API_KEYS).set(row)
                .onConflict(API_KEYS.ID).doUpdate()
                .set(API_KEYS.NAME, row.getName())
                .set(API_KEYS.REVOKED_AT, row.getRevokedAt())
                .where(API_KEYS.COMPANY_ID.eq(row.getCompanyId()))
                .execute());
    }

    @Override
    public Optional<ApiKey> findByHash(TokenHash hash) {
        return DatabaseFailures.call(() -> db.selectFrom(API_KEYS).where(API_KEYS.KEY_HASH.eq(hash.hex()))
                .fetchOptional().map(RecordMappers::apiKey));
    }

    @Override
    public Optional<ApiKey> find(CompanyId company, ApiKeyId id) {
        return DatabaseFailures.call(() -> db.selectFrom(API_KEYS)
                .where(API_KEYS.ID.eq(id.value()), API_KEYS.COMPANY_ID.eq(company.value()))
                .fetchOptional().map(RecordMappers::apiKey));
    }

    @Override
    public List<ApiKey> list(CompanyId company) {
        return DatabaseFailures.call(() -> db.selectFrom(API_KEYS).where(API_KEYS.COMPANY_ID.eq(company.value()))
                .orderBy(API_KEYS.CREATED_AT, API_KEYS.ID).fetch(RecordMappers::apiKey));
    }

    @Override
    public void touch(ApiKeyId id, Instant usedAt) {
        DatabaseFailures.run(() -> db.update(API_KEYS).set(API_KEYS.LAST_USED_AT, Times.column(usedAt))
                .where(API_KEYS.ID.eq(id.value()),
                        API_KEYS.LAST_USED_AT.isNull().or(API_KEYS.LAST_USED_AT.lt(Times.column(usedAt))))
                .execute());
    }
}
