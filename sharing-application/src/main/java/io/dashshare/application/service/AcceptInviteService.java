package io.dashshare.application.service;

import io.dashshare.application.port.in.AcceptInviteUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.CommonPasswords;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.OwnerInviteRepository;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerInvite;
import io.dashshare.domain.tenant.OwnerStatus;
import io.dashshare.domain.tenant.PasswordRules;
import java.time.Clock;
import java.time.Instant;

public final class AcceptInviteService implements AcceptInviteUseCase {

    private final OwnerInviteRepository invites;
    private final OwnerAccountRepository accounts;
    private final CompanyRepository companies;
    private final PasswordHasher hasher;
    private final CommonPasswords common;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public AcceptInviteService(OwnerInviteRepository invites, OwnerAccountRepository accounts,
                               CompanyRepository companies, PasswordHasher hasher, CommonPasswords common,
                               UnitOfWork unitOfWork, Clock clock) {
        this.invites = invites;
        this.accounts = accounts;
        this.companies = companies;
        this.hasher = hasher;
        this.common = common;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public SignedInOwner accept(String inviteToken, String password) {
        if (!SecretToken.hasTokenShape(inviteToken)) {
            throw SharingException.tokenInvalid();
        }
        TokenHash hash = SecretToken.hashOfPresented(inviteToken);
        Instant now = clock.instant();
        OwnerInvite invite = invites.find(hash)
                .filter(i -> i.usedAt().isEmpty() && now.isBefore(i.expiresAt()))
                .orElseThrow(SharingException::tokenInvalid);
        OwnerAccount owner = invitedOwner(invite);
        // The rules first: a weak password leaves the invite usable for a better one.
        PasswordRules.check("password", password, owner.email(), common::isCommon);
        String passwordHash = hasher.hash(password);
        OwnerAccount accepted = unitOfWork.inTransaction(() -> {
            invites.consume(hash, now).orElseThrow(SharingException::tokenInvalid);
            OwnerAccount activated = invitedOwner(invite).accepted(passwordHash).signedIn(now);
            accounts.save(activated);
            return activated;
        });
        return new SignedInOwner(OwnerPrincipal.person(accepted.id(), accepted.email(), accepted.companyId(),
                accepted.role()), accepted.tokenGeneration());
    }

    /** The invite's owner, still invited, of an active company; anything else is {@code TOKEN_INVALID}. */
    private OwnerAccount invitedOwner(OwnerInvite invite) {
        OwnerAccount owner = accounts.findById(invite.ownerId())
                .filter(o -> o.companyId().equals(invite.companyId()) && o.status() == OwnerStatus.INVITED)
                .orElseThrow(SharingException::tokenInvalid);
        companies.findById(owner.companyId()).filter(Company::isActive).orElseThrow(SharingException::tokenInvalid);
        return owner;
    }
}
