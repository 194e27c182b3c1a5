package io.dashshare.adapter.persistence;

import io.dashshare.domain.port.Conflicts;
import static io.dashshare.adapter.persistence.jooq.Tables.EMBED_KEYS;

import io.dashshare.adapter.persistence.jooq.tables.records.EmbedKeysRecord;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.port.EmbedKeyRepository;
import io.dashshare.domain.tenant.CompanyId;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Embed signing keys. A key's secret and creation time never change once stored: saving again
 * only moves its retirement, and only for the company that owns the kid.
 */
public final class JooqEmbedKeyRepository implements EmbedKeyRepository {

    private final DSLContext db;

    public JooqEmbedKeyRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public void save(EmbedKey key) {
        EmbedKeysRecord row = RecordMappers.record(key);
        DatabaseFailures.run(() -> {
            int written = db.insertInto(EMBED_KEYS).set(row)
                    .onConflict(EMBED_KEYS.KID).doUpdate()
                    .set(EMBED_KEYS.RETIRED_AT, row.getRetiredAt())
                    .where(EMBED_KEYS.COMPANY_ID.eq(row.getCompanyId()))
                    .execute();
            if (written == 0) {
                throw Conflicts.kidTaken();
            }
        });
    }

    @Override
    public Optional<EmbedKey> find(EmbedKeyId id) {
        return DatabaseFailures.call(() -> db.selectFrom(EMBED_KEYS).where(EMBED_KEYS.KID.eq(id.value()))
                .fetchOptional().map(RecordMappers::embedKey));
    }

    @Override
    public List<EmbedKey> list(CompanyId company) {
        // COLLATE "C": byte order, the order the in-memory adapter and Java's String compare use.
        return DatabaseFailures.call(() -> db.selectFrom(EMBED_KEYS).where(EMBED_KEYS.COMPANY_ID.eq(company.value()))
                .orderBy(EMBED_KEYS.CREATED_AT, EMBED_KEYS.KID.collate(DSL.collation("C")))
                .fetch(RecordMappers::embedKey));
    }
}
