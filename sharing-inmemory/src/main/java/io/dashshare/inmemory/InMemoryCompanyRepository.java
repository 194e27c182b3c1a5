package io.dashshare.inmemory;

import io.dashshare.domain.port.Conflicts;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tenants in memory; a slug names one company only. */
public final class InMemoryCompanyRepository implements CompanyRepository {

    private final InMemoryStore store;
    private final Map<CompanyId, Company> rows;

    InMemoryCompanyRepository(InMemoryStore store) {
        this.store = store;
        this.rows = store.table();
    }

    @Override
    public Optional<Company> findById(CompanyId id) {
        synchronized (store) {
            return Optional.ofNullable(rows.get(id));
        }
    }

    @Override
    public Optional<Company> findBySlug(CompanySlug slug) {
        synchronized (store) {
            return rows.values().stream().filter(c -> c.slug().equals(slug)).findFirst();
        }
    }

    @Override
    public List<Company> list() {
        synchronized (store) {
            return rows.values().stream().sorted(Comparator.comparing(Company::createdAt)
                    .thenComparing(c -> c.slug().value())).toList();
        }
    }

    @Override
    public void save(Company company) {
        synchronized (store) {
            boolean slugTaken = rows.values().stream()
                    .anyMatch(c -> c.slug().equals(company.slug()) && !c.id().equals(company.id()));
            if (slugTaken) {
                throw Conflicts.companySlugTaken();
            }
            Company stored = rows.get(company.id());
            // As the database adapter: the creation time is written once.
            rows.put(company.id(), stored == null ? company : new Company(company.id(), company.slug(), company.name(),
                    company.embedOrigins(), company.status(), stored.createdAt()));
        }
    }
}
