package io.dashshare.application.service;

import io.dashshare.application.port.in.BootstrapCompanyUseCase;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.port.CommonPasswords;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.PasswordRules;
import io.dashshare.domain.tenant.Role;
import java.time.Clock;
import java.time.Instant;

public final class BootstrapCompanyService implements BootstrapCompanyUseCase {

    private final CompanyRepository companies;
    private final OwnerAccountRepository accounts;
    private final PasswordHasher hasher;
    private final CommonPasswords common;
    private final RandomSource random;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public BootstrapCompanyService(CompanyRepository companies, OwnerAccountRepository accounts, PasswordHasher hasher,
                                   CommonPasswords common, RandomSource random, UnitOfWork unitOfWork, Clock clock) {
        this.companies = companies;
        this.accounts = accounts;
        this.hasher = hasher;
        this.common = common;
        this.random = random;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Company ensure(CompanySlug slug, String name, EmailAddress adminEmail, String password) {
        return companies.findBySlug(slug).orElseGet(() -> {
            PasswordRules.check("SHARING_ADMIN_PASSWORD", password, adminEmail, common::isCommon);
            String hash = hasher.hash(password);
            Instant now = clock.instant();
            Company company = Company.create(new CompanyId(random.uuid()), slug, name, now);
            unitOfWork.run(() -> {
                companies.save(company);
                accounts.save(OwnerAccount.active(new OwnerId(random.uuid()), company.id(), adminEmail, Role.ADMIN,
                        hash, now));
            });
            return company;
        });
    }
}
