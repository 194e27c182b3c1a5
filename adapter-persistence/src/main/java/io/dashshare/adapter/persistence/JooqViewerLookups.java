package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.COMPANIES;
import static io.dashshare.adapter.persistence.jooq.Tables.DASHBOARDS;
import static io.dashshare.adapter.persistence.jooq.Tables.EMBED_KEYS;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARES;

import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.port.ViewerLookups;
import io.dashshare.domain.secret.TokenHash;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The viewer's reads as one join each, rendered once ({@link PreparedRead}): a public link's
 * share with its company and dashboard, an embed token's key with its company.
 */
public final class JooqViewerLookups implements ViewerLookups {

    private final PreparedRead shareByTokenHash;
    private final PreparedRead embedKey;

    public JooqViewerLookups(DSLContext db) {
        this.shareByTokenHash = new PreparedRead(db, db
                .select(SHARES.fields()).select(COMPANIES.fields()).select(DASHBOARDS.fields())
                .from(SHARES)
                .join(COMPANIES).on(COMPANIES.ID.eq(SHARES.COMPANY_ID))
                .join(DASHBOARDS).on(DASHBOARDS.ID.eq(SHARES.DASHBOARD_ID), DASHBOARDS.COMPANY_ID.eq(SHARES.COMPANY_ID))
                .where(SHARES.TOKEN_HASH.eq(DSL.param("token_hash", String.class))));
        this.embedKey = new PreparedRead(db, db
                .select(EMBED_KEYS.fields()).select(COMPANIES.fields())
                .from(EMBED_KEYS)
                .join(COMPANIES).on(COMPANIES.ID.eq(EMBED_KEYS.COMPANY_ID))
                .where(EMBED_KEYS.KID.eq(DSL.param("kid", String.class))));
    }

    @Override
    public Optional<SharedView> shareByTokenHash(TokenHash hash) {
        return shareByTokenHash.fetch(hash.hex()).stream().findFirst().map(row -> new SharedView(
                RecordMappers.share(row.into(SHARES)), RecordMappers.company(row.into(COMPANIES)),
                RecordMappers.dashboard(row.into(DASHBOARDS))));
    }

    @Override
    public Optional<KeyOfCompany> embedKey(EmbedKeyId id) {
        return embedKey.fetch(id.value()).stream().findFirst().map(row -> new KeyOfCompany(
                RecordMappers.embedKey(row.into(EMBED_KEYS)), RecordMappers.company(row.into(COMPANIES))));
    }
}
