package io.dashshare.domain.port;

import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import java.util.List;
import java.util.Optional;

/** Tenants. */
public interface CompanyRepository {

    Optional<Company> findById(CompanyId id);

    Optional<Company> findBySlug(CompanySlug slug);

    /** Every company, oldest first (the operator's list). */
    List<Company> list();

    /** Inserts or updates by id; a slug already taken is {@code CONFLICT} (field {@code slug}). */
    void save(Company company);
}
