package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.audit.AuditClient;
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
    private final Audit audit;

    public ManageTenantsService(CompanyRepository companies, OwnerAccountRepository accounts, OwnerInvites invites,
                                RandomSource random, UnitOfWork unitOfWork, Clock clock, Audit audit) {
        this.companies = companies;
        this.accounts = accounts;
        this.invites = invites;
        this.random = random;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public ProvisionedCompany create(CompanySlug slug, String name, EmailAddress adminEmail, AuditClient client) {
        Instant now = clock.instant();
        Company company = Company.create(new CompanyId(random.uuid()), slug, name, now);
        OwnerAccount admin = OwnerAccount.invited(new OwnerId(random.uuid()), company.id(), adminEmail, Role.ADMIN, now);
        String url = unitOfWork.inTransaction(() -> {
            companies.save(company);
            accounts.save(admin);
            return invites.issue(admin, company, now);
        });
        audit.operator(AuditType.COMPANY_CREATED, company.id(), client).detail("slug", slug.value())
                .detail("name", name).detail("admin_id", admin.id().toString())
                .detail("admin_email", adminEmail.value()).ok();
        return new ProvisionedCompany(company, admin, url);
    }

    @Override
    public List<Company> list() {
        return companies.list();
    }

    @Override
    public Company update(CompanyId id, Optional<String> name, Optional<CompanyStatus> status, AuditClient client) {
        Company[] before = new Company[1];
        Company after = unitOfWork.inTransaction(() -> {
            Company company = companies.findById(id).orElseThrow(() -> SharingException.notFound("Company"));
            before[0] = company;
            Company changed = name.map(company::renamed).orElse(company);
            changed = status.map(changed::withStatus).orElse(changed);
            companies.save(changed);
            return changed;
        });
        if (name.isPresent()) {
            audit.operator(AuditType.COMPANY_UPDATED, id, client).detail("name", after.name())
                    .detail("previous_name", before[0].name()).ok();
        }
        if (after.status() != before[0].status()) {
            audit.operator(after.status() == CompanyStatus.SUSPENDED ? AuditType.COMPANY_SUSPENDED
                    : AuditType.COMPANY_ACTIVATED, id, client).ok();
        }
        return after;
    }
}
