package io.dashshare.application.service;

import io.dashshare.application.port.in.AuthenticateOwnerUseCase.OwnerTokenClaims;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.OwnerSelfUseCase;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.CommonPasswords;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.OwnerTokenRevocations;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.PasswordRules;
import io.dashshare.domain.tenant.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

public final class OwnerSelfService implements OwnerSelfUseCase {

    private final OwnerAccountRepository accounts;
    private final CompanyRepository companies;
    private final OwnerTokenRevocations revocations;
    private final PasswordHasher hasher;
    private final CommonPasswords common;
    private final LoginThrottle throttle;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public OwnerSelfService(OwnerAccountRepository accounts, CompanyRepository companies,
                            OwnerTokenRevocations revocations, PasswordHasher hasher, CommonPasswords common,
                            LoginThrottle throttle, UnitOfWork unitOfWork, Clock clock) {
        this.accounts = accounts;
        this.companies = companies;
        this.revocations = revocations;
        this.hasher = hasher;
        this.common = common;
        this.throttle = throttle;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Me me(OwnerPrincipal owner) {
        Company company = companies.findById(owner.companyId()).orElseThrow(SharingException::tokenInvalid);
        return new Me(owner, company);
    }

    @Override
    public void changePassword(OwnerPrincipal owner, Optional<String> tokenId, String currentPassword,
                               String newPassword) {
        OwnerPrincipal.Actor.Person person = person(owner);
        Instant now = clock.instant();
        String key = LoginThrottle.ownerKey(person.id());
        throttle.refuseIfBlocked(now, key, LoginThrottle.FAILURES_PER_ACCOUNT);
        OwnerAccount account = accounts.findById(person.id()).filter(a -> a.companyId().equals(owner.companyId()))
                .orElseThrow(SharingException::tokenInvalid);
        boolean matches = currentPassword != null && !currentPassword.isEmpty()
                && currentPassword.length() <= LoginThrottle.MAX_PASSWORD_LENGTH
                && hasher.matches(currentPassword, account.passwordHash().orElseThrow());
        if (!matches) {
            throttle.recordFailure(now, key);
            throw new InvalidValueException("current_password", "is not your current password", "wrong");
        }
        PasswordRules.check("new_password", newPassword, account.email(), common::isCommon);
        String hash = hasher.hash(newPassword);
        unitOfWork.run(() -> {
            OwnerAccount current = accounts.findById(account.id()).orElseThrow(SharingException::tokenInvalid);
            accounts.save(current.withPassword(hash, tokenId));
        });
    }

    @Override
    public void logout(OwnerPrincipal owner, Optional<OwnerTokenClaims> token) {
        person(owner);
        OwnerTokenClaims claims = token.orElseThrow(SharingException::tokenInvalid);
        revocations.revoke(claims.jti(), claims.expiresAt());
    }

    /** Only a person has a password and a sign-out; an API key is revoked by an admin instead. */
    private static OwnerPrincipal.Actor.Person person(OwnerPrincipal owner) {
        owner.require(Permission.READ);
        if (owner.actor() instanceof OwnerPrincipal.Actor.Person person) {
            return person;
        }
        throw new SharingException(ErrorCode.FORBIDDEN, "An API key has no password and no sign-out; an admin revokes it.",
                Map.of("reason", "api_key"));
    }
}
