package io.dashshare.application.service;

import io.dashshare.application.port.in.ManageTenantsUseCase;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The operator's tenants (docs/api.md, operator). Suspending needs nothing more than the status:
 * every viewer and owner check reads the company as the store holds it now.
 */
public final class ManageTenantsService implements ManageTenantsUseCase {

    private final CompanyRepository companies;
    private final OwnerAccountRepository accounts;
    private final OwnerInvites invites;
    private final RandomSource random;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ManageTenantsService(CompanyRepository companies, OwnerAccountRepository accounts, OwnerInvites invites,
                                RandomSource random, UnitOfWork unitOfWork, Clock clock) {
        this.companies = companies;
        this.accounts = accounts;
        this.invites = invites;
        this.random = random;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public ProvisionedCompany create(CompanySlug slug, String name, EmailAddress adminEmail) {
        Instant now = clock.instant();
        Company company = Company.create(new CompanyId(random.uuid()), slug, name, now);
        OwnerAccount admin = OwnerAccount.invited(new OwnerId(random.uuid()), company.id(), adminEmail, Role.ADMIN, now);
        String url = unitOfWork.inTransaction(() -> {
            companies.save(company);
            accounts.save(admin);
            return invites.issue(admin, company, now);
        });
        return new ProvisionedCompany(company, admin, url);
    }

    @Override
    public List<Company> list() {
        return companies.list();
    }

    @Override
    public Company update(CompanyId id, Optional<String> name, Optional<CompanyStatus> status) {
        return unitOfWork.inTransaction(() -> {
            Company company = companies.findById(id).orElseThrow(() -> SharingException.notFound("Company"));
            Company changed = name.map(company::renamed).orElse(company);
            changed = status.map(changed::withStatus).orElse(changed);
            companies.save(changed);
            return changed;
        });
    }
}
