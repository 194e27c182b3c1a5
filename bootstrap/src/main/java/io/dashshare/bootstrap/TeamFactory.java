package io.dashshare.bootstrap;

import io.dashshare.application.service.Audit;
import io.dashshare.adapter.crypto.NbvcxzCommonPasswords;
import io.dashshare.application.port.in.AcceptInviteUseCase;
import io.dashshare.application.port.in.AuthenticateOwnerUseCase;
import io.dashshare.application.port.in.BootstrapCompanyUseCase;
import io.dashshare.application.port.in.ManageApiKeysUseCase;
import io.dashshare.application.port.in.ManageOwnersUseCase;
import io.dashshare.application.port.in.ManageTenantsUseCase;
import io.dashshare.application.port.in.OwnerLoginUseCase;
import io.dashshare.application.port.in.OwnerSelfUseCase;
import io.dashshare.application.service.AcceptInviteService;
import io.dashshare.application.service.AuthenticateOwnerService;
import io.dashshare.application.service.BootstrapCompanyService;
import io.dashshare.application.service.LoginThrottle;
import io.dashshare.application.service.MailQueue;
import io.dashshare.application.service.ManageApiKeysService;
import io.dashshare.application.service.ManageOwnersService;
import io.dashshare.application.service.ManageTenantsService;
import io.dashshare.application.service.OwnerInvites;
import io.dashshare.application.service.OwnerLoginService;
import io.dashshare.application.service.OwnerSelfService;
import io.dashshare.application.service.SharingSettings;
import io.dashshare.bootstrap.ops.ServiceMetrics;
import io.dashshare.domain.port.ApiKeyRepository;
import io.dashshare.domain.port.CommonPasswords;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.OwnerInviteRepository;
import io.dashshare.domain.port.OwnerTokenRevocations;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.UnitOfWork;
import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** Wires the team's use cases: tenants, owners and their sign-in, API keys (docs/api.md). */
@Factory
public class TeamFactory {

    @Singleton
    CommonPasswords commonPasswords() {
        return new NbvcxzCommonPasswords();
    }

    @Singleton
    LoginThrottle loginThrottle(RateLimiter limiter, ServiceMetrics metrics) {
        return new LoginThrottle(metrics.limiter(limiter));
    }

    @Singleton
    OwnerInvites ownerInvites(OwnerInviteRepository invites, MailQueue mails, RandomSource random,
                              SharingSettings settings) {
        return new OwnerInvites(invites, mails, random, settings);
    }

    @Singleton
    OwnerLoginUseCase ownerLogin(OwnerAccountRepository accounts, CompanyRepository companies, PasswordHasher hasher,
                                 LoginThrottle throttle, Clock clock, Audit audit) {
        return new OwnerLoginService(accounts, companies, hasher, throttle, clock, audit);
    }

    /** {@code last_used_at} of API keys is written on the blocking pool, after the answer. */
    @Singleton
    AuthenticateOwnerUseCase authenticateOwner(OwnerAccountRepository accounts, CompanyRepository companies,
                                               ApiKeyRepository keys, OwnerTokenRevocations revocations,
                                               @Named(TaskExecutors.BLOCKING) ExecutorService background,
                                               Clock clock) {
        return new AuthenticateOwnerService(accounts, companies, keys, revocations, background, clock);
    }

    @Singleton
    OwnerSelfUseCase ownerSelf(OwnerAccountRepository accounts, CompanyRepository companies,
                               OwnerTokenRevocations revocations, PasswordHasher hasher, CommonPasswords common,
                               LoginThrottle throttle, UnitOfWork unitOfWork, Clock clock) {
        return new OwnerSelfService(accounts, companies, revocations, hasher, common, throttle, unitOfWork, clock);
    }

    @Singleton
    AcceptInviteUseCase acceptInvite(OwnerInviteRepository invites, OwnerAccountRepository accounts,
                                     CompanyRepository companies, PasswordHasher hasher, CommonPasswords common,
                                     UnitOfWork unitOfWork, Clock clock) {
        return new AcceptInviteService(invites, accounts, companies, hasher, common, unitOfWork, clock);
    }

    @Singleton
    ManageOwnersUseCase manageOwners(OwnerAccountRepository accounts, CompanyRepository companies,
                                     OwnerInvites invites, RandomSource random, UnitOfWork unitOfWork, Clock clock, Audit audit) {
        return new ManageOwnersService(accounts, companies, invites, random, unitOfWork, clock, audit);
    }

    @Singleton
    ManageApiKeysUseCase manageApiKeys(ApiKeyRepository keys, RandomSource random, UnitOfWork unitOfWork,
                                       Clock clock, Audit audit) {
        return new ManageApiKeysService(keys, random, unitOfWork, clock, audit);
    }

    @Singleton
    ManageTenantsUseCase manageTenants(CompanyRepository companies, OwnerAccountRepository accounts,
                                       OwnerInvites invites, RandomSource random, UnitOfWork unitOfWork, Clock clock, Audit audit) {
        return new ManageTenantsService(companies, accounts, invites, random, unitOfWork, clock, audit);
    }

    @Singleton
    BootstrapCompanyUseCase bootstrapCompany(CompanyRepository companies, OwnerAccountRepository accounts,
                                             PasswordHasher hasher, CommonPasswords common, RandomSource random,
                                             UnitOfWork unitOfWork, Clock clock) {
        return new BootstrapCompanyService(companies, accounts, hasher, common, random, unitOfWork, clock);
    }
}
