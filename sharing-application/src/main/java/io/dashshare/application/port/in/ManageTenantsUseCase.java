package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.OwnerAccount;
import java.util.List;
import java.util.Optional;

/** The operator's side: a platform provisioning and suspending companies (docs/api.md, operator). */
public interface ManageTenantsUseCase {

    /**
     * A new company and its first admin, invited by mail; a slug already taken is {@code CONFLICT}.
     * A {@code company.created} event of the new company, from the operator at {@code client}.
     */
    ProvisionedCompany create(CompanySlug slug, String name, EmailAddress adminEmail, AuditClient client);

    List<Company> list();

    /**
     * A suspended company is refused everywhere at once; {@code active} restores it. Events of the
     * company: {@code company.updated} for a new name, {@code company.suspended} or
     * {@code company.activated} for a status that changed.
     */
    Company update(CompanyId id, Optional<String> name, Optional<CompanyStatus> status, AuditClient client);

    default ProvisionedCompany create(CompanySlug slug, String name, EmailAddress adminEmail) {
        return create(slug, name, adminEmail, AuditClient.NONE);
    }

    default Company update(CompanyId id, Optional<String> name, Optional<CompanyStatus> status) {
        return update(id, name, status, AuditClient.NONE);
    }

    record ProvisionedCompany(Company company, OwnerAccount admin, String inviteUrl) {
        @Override
        public String toString() {
            return "ProvisionedCompany[" + company.slug() + ", link=redacted]";
        }
    }
}
