package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.application.port.in.OwnerLoginUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.OwnerAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Password login (docs/security.md#owners-2). Every refusal costs one slow hash and answers
 * alike, whether the email is unknown, the password wrong, the owner invited or disabled or the
 * company suspended; failures count against the email and the client address in the shared
 * limiter, the same for unknown emails.
 */
public final class OwnerLoginService implements OwnerLoginUseCase {

    private final OwnerAccountRepository accounts;
    private final CompanyRepository companies;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Audit audit;
    /** Checked against when there is no password to check, so that every path costs one slow hash. */
    private final String decoyHash;

    public OwnerLoginService(OwnerAccountRepository accounts, CompanyRepository companies, PasswordHasher hasher,
                             LoginThrottle throttle, Clock clock, Audit audit) {
        this.accounts = accounts;
        this.companies = companies;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        this.audit = audit;
        this.decoyHash = hasher.hash("decoy-password-never-valid");
    }

    @Override
    public SignedInOwner login(LoginAttempt attempt) {
        Instant now = clock.instant();
        String accountKey = LoginThrottle.accountKey(attempt.email());
        String clientKey = LoginThrottle.clientKey(attempt.clientAddress());
        try {
            throttle.refuseIfBlocked(now, accountKey, clientKey);
        } catch (RuntimeException e) {
            failed(candidates(attempt), attempt, e);
            throw e;
        }
        List<OwnerAccount> candidates = candidates(attempt);
        try {
            SignedInOwner signedIn = login(attempt, candidates, now, accountKey, clientKey);
            audit.owner(AuditType.OWNER_SIGNED_IN, signedIn.principal().from(attempt.client())).ok();
            return signedIn;
        } catch (RuntimeException e) {
            failed(candidates, attempt, e);
            throw e;
        }
    }

    /**
     * A refused login is an event of each company where the email is an owner, as that owner: an
     * unknown email is nobody's event (docs/api.md, audit event catalogue). Never the password.
     */
    private void failed(List<OwnerAccount> candidates, LoginAttempt attempt, RuntimeException refusal) {
        for (OwnerAccount account : candidates) {
            audit.owner(AuditType.OWNER_SIGN_IN_FAILED, OwnerPrincipal.person(account.id(), account.email(),
                    account.companyId(), account.role()).from(attempt.client())).failed(refusal);
        }
    }

    private SignedInOwner login(LoginAttempt attempt, List<OwnerAccount> candidates, Instant now, String accountKey,
                                String clientKey) {
        Optional<OwnerAccount> matched = matching(candidates, attempt.password());
        Optional<Company> company = matched.flatMap(a -> companies.findById(a.companyId())).filter(Company::isActive);
        if (matched.isEmpty() || !matched.get().isActive() || company.isEmpty()) {
            throttle.recordFailure(now, accountKey, clientKey);
            throw new SharingException(ErrorCode.UNAUTHENTICATED,
                    "Email or password is wrong.");
        }
        if (attempt.company().isEmpty() && candidates.size() > 1) {
            // Only now, after the password matched: the question reveals nothing to a guesser.
            throw new InvalidValueException("company_slug",
                    "this email is an owner in several companies: say which one", "company_slug_required");
        }
        OwnerAccount signedIn = matched.get().signedIn(now);
        accounts.save(signedIn);
        return new SignedInOwner(OwnerPrincipal.person(signedIn.id(), signedIn.email(), signedIn.companyId(),
                signedIn.role()), signedIn.tokenGeneration());
    }

    /** The accounts the attempt may sign in to: of its company only when it names one. */
    private List<OwnerAccount> candidates(LoginAttempt attempt) {
        List<OwnerAccount> all = accounts.findByEmail(attempt.email());
        if (attempt.company().isEmpty()) {
            return all;
        }
        Optional<CompanyId> named = companies.findBySlug(attempt.company().get()).map(Company::id);
        return all.stream().filter(a -> named.filter(a.companyId()::equals).isPresent()).toList();
    }

    /**
     * The first account whose password matches. With no candidate, or none with a password, the
     * decoy is checked instead, so that an unknown email costs what a wrong password costs.
     */
    private Optional<OwnerAccount> matching(List<OwnerAccount> candidates, String password) {
        String presented = password == null || password.isEmpty() || password.length() > LoginThrottle.MAX_PASSWORD_LENGTH
                ? null : password;
        boolean hashed = false;
        for (OwnerAccount account : candidates) {
            if (account.passwordHash().isEmpty()) {
                continue;
            }
            hashed = true;
            if (presented != null && hasher.matches(presented, account.passwordHash().get())) {
                return Optional.of(account);
            }
        }
        if (!hashed) {
            hasher.matches(presented == null ? "" : presented, decoyHash);
        }
        return Optional.empty();
    }
}
