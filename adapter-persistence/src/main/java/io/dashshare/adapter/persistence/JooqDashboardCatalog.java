package io.dashshare.adapter.persistence;

import io.dashshare.domain.port.Conflicts;
import static io.dashshare.adapter.persistence.jooq.Tables.DASHBOARDS;

import io.dashshare.adapter.persistence.jooq.Keys;
import io.dashshare.adapter.persistence.jooq.tables.records.DashboardsRecord;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.tenant.CompanyId;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Dashboards with an optimistic version: an update names the version it was read at and
 * changes nothing when another edit got there first. Deleting cascades to shares in the schema.
 */
public final class JooqDashboardCatalog implements DashboardCatalog {

    private final DSLContext db;

    public JooqDashboardCatalog(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Dashboard> list(CompanyId company) {
        return DatabaseFailures.call(() -> db.selectFrom(DASHBOARDS).where(DASHBOARDS.COMPANY_ID.eq(company.value()))
                .orderBy(DASHBOARDS.CREATED_AT, DASHBOARDS.ID)
                .fetch(RecordMappers::dashboard));
    }

    @Override
    public Optional<Dashboard> findById(CompanyId company, DashboardId id) {
        return DatabaseFailures.call(() -> db.selectFrom(DASHBOARDS)
                .where(DASHBOARDS.COMPANY_ID.eq(company.value()), DASHBOARDS.ID.eq(id.value()))
                .fetchOptional().map(RecordMappers::dashboard));
    }

    @Override
    public Optional<Dashboard> findBySlug(CompanyId company, DashboardSlug slug) {
        return DatabaseFailures.call(() -> db.selectFrom(DASHBOARDS)
                .where(DASHBOARDS.COMPANY_ID.eq(company.value()), DASHBOARDS.SLUG.eq(slug.value()))
                .fetchOptional().map(RecordMappers::dashboard));
    }

    @Override
    public void save(Dashboard dashboard) {
        DashboardsRecord row = RecordMappers.record(dashboard);
        DatabaseFailures.run(() -> {
            try {
                if (dashboard.version() == 1) {
                    db.insertInto(DASHBOARDS).set(row).execute();
                } else {
                    int updated = db.update(DASHBOARDS)
                            .set(DASHBOARDS.SLUG, row.getSlug())
                            .set(DASHBOARDS.NAME, row.getName())
                            .set(DASHBOARDS.DESCRIPTION, row.getDescription())
                            .set(DASHBOARDS.DATA_SOURCE, row.getDataSource())
                            .set(DASHBOARDS.DEFINITION, row.getDefinition())
                            .set(DASHBOARDS.VERSION, row.getVersion())
                            .set(DASHBOARDS.UPDATED_AT, row.getUpdatedAt())
                            .set(DASHBOARDS.EMBED_TOKENS_NOT_BEFORE, row.getEmbedTokensNotBefore())
                            .where(DASHBOARDS.ID.eq(row.getId()),
                                    DASHBOARDS.COMPANY_ID.eq(row.getCompanyId()),
                                    DASHBOARDS.VERSION.eq(dashboard.version() - 1))
                            .execute();
                    if (updated == 0) {
                        throw SharingException.notFound("dashboard");
                    }
                }
            } catch (DataAccessException e) {
                throw translated(e, dashboard);
            }
        });
    }

    private static RuntimeException translated(DataAccessException e, Dashboard dashboard) {
        Optional<String> constraint = DatabaseFailures.violated(e, DatabaseFailures.UNIQUE_VIOLATION);
        if (constraint.filter(Keys.DASHBOARDS_COMPANY_SLUG_KEY.getName()::equals).isPresent()) {
            return Conflicts.dashboardSlugTaken();
        }
        if (constraint.filter(Keys.DASHBOARDS_PKEY.getName()::equals).isPresent()) {
            return new IllegalStateException("dashboard " + dashboard.id() + " exists already: ids must be fresh", e);
        }
        return e;
    }

    @Override
    public boolean delete(CompanyId company, DashboardId id) {
        return DatabaseFailures.call(() -> db.deleteFrom(DASHBOARDS)
                .where(DASHBOARDS.COMPANY_ID.eq(company.value()), DASHBOARDS.ID.eq(id.value()))
                .execute() == 1);
    }
}
