package io.dashshare.application.service;

import io.dashshare.application.port.in.OwnerLoginUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.Role;
import java.util.Optional;

public final class OwnerLoginService implements OwnerLoginUseCase {

    private static final int MAX_PASSWORD_LENGTH = 1024;

    private final OwnerAccountRepository accounts;
    private final PasswordHasher hasher;
    /** Checked against when the email is unknown, so that both paths cost one slow hash. */
    private final String decoyHash;

    public OwnerLoginService(OwnerAccountRepository accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.decoyHash = hasher.hash("decoy-password-never-valid");
    }

    @Override
    public OwnerPrincipal login(EmailAddress email, String password) {
        Optional<OwnerAccount> account = accounts.findByEmail(email);
        String candidate = password == null || password.length() > MAX_PASSWORD_LENGTH ? "" : password;
        boolean matches = hasher.matches(candidate, account.map(OwnerAccount::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches || candidate.isEmpty()) {
            throw new SharingException(ErrorCode.UNAUTHENTICATED, "Email or password is wrong.");
        }
        return OwnerPrincipal.person(account.get().id(), account.get().email(), account.get().companyId(), Role.ADMIN);
    }
}
