package io.dashshare.adapter.persistence;

import io.dashshare.domain.port.Conflicts;
import static io.dashshare.adapter.persistence.jooq.Tables.COMPANIES;

import io.dashshare.adapter.persistence.jooq.Keys;
import io.dashshare.adapter.persistence.jooq.tables.records.CompaniesRecord;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

public final class JooqCompanyRepository implements CompanyRepository {

    private final DSLContext db;

    public JooqCompanyRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Company> findById(CompanyId id) {
        return DatabaseFailures.call(() -> db.selectFrom(COMPANIES).where(COMPANIES.ID.eq(id.value()))
                .fetchOptional().map(RecordMappers::company));
    }

    @Override
    public Optional<Company> findBySlug(CompanySlug slug) {
        return DatabaseFailures.call(() -> db.selectFrom(COMPANIES).where(COMPANIES.SLUG.eq(slug.value()))
                .fetchOptional().map(RecordMappers::company));
    }

    @Override
    public List<Company> list() {
        return DatabaseFailures.call(() -> db.selectFrom(COMPANIES)
                .orderBy(COMPANIES.CREATED_AT, COMPANIES.SLUG.collate(DSL.collation("C"))).fetch(RecordMappers::company));
    }

    @Override
    public void save(Company company) {
        CompaniesRecord row = RecordMappers.record(company);
        DatabaseFailures.run(() -> {
            try {
                db.insertInto(COMPANIES).set(row)
                        .onConflict(COMPANIES.ID).doUpdate()
                        .set(COMPANIES.SLUG, row.getSlug())
                        .set(COMPANIES.NAME, row.getName())
                        .set(COMPANIES.EMBED_ORIGINS, row.getEmbedOrigins())
                        .set(COMPANIES.STATUS, row.getStatus())
                        .execute();
            } catch (DataAccessException e) {
                if (DatabaseFailures.violated(e, DatabaseFailures.UNIQUE_VIOLATION)
                        .filter(Keys.COMPANIES_SLUG_KEY.getName()::equals).isPresent()) {
                    throw Conflicts.companySlugTaken();
                }
                throw e;
            }
        });
    }
}
