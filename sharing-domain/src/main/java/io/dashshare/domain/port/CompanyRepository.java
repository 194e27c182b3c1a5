package io.dashshare.domain.port;

import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import java.util.Optional;

/** Tenants. */
public interface CompanyRepository {

    Optional<Company> findById(CompanyId id);

    Optional<Company> findBySlug(CompanySlug slug);

    /** Inserts or updates by id. */
    void save(Company company);
}
