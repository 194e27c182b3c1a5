package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.SHARES;

import io.dashshare.adapter.persistence.jooq.Keys;
import io.dashshare.adapter.persistence.jooq.tables.records.SharesRecord;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Shares, looked up by the SHA-256 of their token. The schema ties each share to a dashboard and
 * a context of the same company, and deletes it with either.
 */
public final class JooqShareRepository implements ShareRepository {

    private final DSLContext db;

    public JooqShareRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public void save(Share share) {
        SharesRecord row = RecordMappers.record(share);
        DatabaseFailures.run(() -> {
            int written;
            try {
                written = db.insertInto(SHARES).set(row)
                        .onConflict(SHARES.ID).doUpdate()
                        .set(SHARES.NAME, row.getName())
                        .set(SHARES.POLICIES, row.getPolicies())
                        .set(SHARES.DOWNLOADS, row.getDownloads())
                        .set(SHARES.TOKEN_HASH, row.getTokenHash())
                        .set(SHARES.EXPIRES_AT, row.getExpiresAt())
                        .set(SHARES.REVOKED_AT, row.getRevokedAt())
                        .set(SHARES.UPDATED_AT, row.getUpdatedAt())
                        // An id of another company is not this company's to overwrite.
                        .where(SHARES.COMPANY_ID.eq(row.getCompanyId()))
                        .execute();
            } catch (DataAccessException e) {
                throw translated(e);
            }
            if (written == 0) {
                throw SharingException.notFound("share");
            }
        });
    }

    private static RuntimeException translated(DataAccessException e) {
        if (DatabaseFailures.violated(e, DatabaseFailures.UNIQUE_VIOLATION)
                .filter(Keys.SHARES_TOKEN_HASH_KEY.getName()::equals).isPresent()) {
            return new IllegalStateException("token hash collision: the token was not random", e);
        }
        Optional<String> reference = DatabaseFailures.violated(e, DatabaseFailures.FOREIGN_KEY_VIOLATION);
        if (reference.filter(Keys.SHARES__SHARES_DASHBOARD_FKEY.getName()::equals).isPresent()) {
            // The dashboard was deleted meanwhile, or belongs to another company.
            return SharingException.notFound("dashboard");
        }
        if (reference.filter(Keys.SHARES__SHARES_CONTEXT_FKEY.getName()::equals).isPresent()) {
            return SharingException.notFound("share context");
        }
        return e;
    }

    @Override
    public Optional<Share> findById(CompanyId company, ShareId id) {
        return DatabaseFailures.call(() -> db.selectFrom(SHARES)
                .where(SHARES.COMPANY_ID.eq(company.value()), SHARES.ID.eq(id.value()))
                .fetchOptional().map(RecordMappers::share));
    }

    @Override
    public Optional<Share> findByTokenHash(TokenHash hash) {
        return DatabaseFailures.call(() -> db.selectFrom(SHARES).where(SHARES.TOKEN_HASH.eq(hash.hex()))
                .fetchOptional().map(RecordMappers::share));
    }

    @Override
    public List<Share> listByDashboard(CompanyId company, DashboardId dashboard) {
        return DatabaseFailures.call(() -> db.selectFrom(SHARES)
                .where(SHARES.COMPANY_ID.eq(company.value()), SHARES.DASHBOARD_ID.eq(dashboard.value()))
                .orderBy(SHARES.CREATED_AT, SHARES.ID)
                .fetch(RecordMappers::share));
    }

    @Override
    public List<Share> listByContexts(CompanyId company, Collection<ShareContextId> contexts) {
        if (contexts.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = contexts.stream().map(ShareContextId::value).toList();
        return DatabaseFailures.call(() -> db.selectFrom(SHARES)
                .where(SHARES.COMPANY_ID.eq(company.value()), SHARES.CONTEXT_ID.in(ids))
                .orderBy(SHARES.CREATED_AT, SHARES.ID)
                .fetch(RecordMappers::share));
    }
}
