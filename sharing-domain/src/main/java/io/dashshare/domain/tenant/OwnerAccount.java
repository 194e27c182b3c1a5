package io.dashshare.domain.tenant;

import io.dashshare.domain.common.EmailAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person of one company who manages its dashboards and shares, with a role. The password hash
 * is opaque to the domain (none until an invited owner sets one). {@code tokenGeneration} moves
 * whenever every token issued so far must stop working (a password change, disabling): access
 * tokens carry the generation they were issued in. {@code keptTokenId} is the one earlier token
 * that survives the latest password change, the one that made it (docs/tokens.md, owner tokens).
 */
public record OwnerAccount(OwnerId id, CompanyId companyId, EmailAddress email, Optional<String> passwordHash, Role role,
                           OwnerStatus status, Instant createdAt, Optional<Instant> lastLoginAt, long tokenGeneration,
                           Optional<String> keptTokenId) {

    public OwnerAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(email, "email");
        passwordHash = passwordHash == null ? Optional.empty() : passwordHash;
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        lastLoginAt = lastLoginAt == null ? Optional.empty() : lastLoginAt;
        keptTokenId = keptTokenId == null ? Optional.empty() : keptTokenId;
        if (status != OwnerStatus.INVITED && passwordHash.isEmpty()) {
            throw new IllegalArgumentException("only an invited owner has no password");
        }
    }

    /** An owner who signs in once they accept the invite and choose a password. */
    public static OwnerAccount invited(OwnerId id, CompanyId company, EmailAddress email, Role role, Instant now) {
        return new OwnerAccount(id, company, email, Optional.empty(), role, OwnerStatus.INVITED, now, Optional.empty(), 0,
                Optional.empty());
    }

    /** An owner with a password from the start (the bootstrap admin). */
    public static OwnerAccount active(OwnerId id, CompanyId company, EmailAddress email, Role role, String passwordHash,
                                      Instant now) {
        return new OwnerAccount(id, company, email, Optional.of(passwordHash), role, OwnerStatus.ACTIVE, now,
                Optional.empty(), 0, Optional.empty());
    }

    public boolean isActive() {
        return status == OwnerStatus.ACTIVE;
    }

    /** Whether a token of this owner, issued in {@code generation} with id {@code jti}, is still good. */
    public boolean accepts(long generation, String jti) {
        return isActive() && (generation == tokenGeneration || keptTokenId.filter(jti::equals).isPresent());
    }

    public boolean isActiveAdmin() {
        return isActive() && role == Role.ADMIN;
    }

    /** The invite accepted: the password set, the owner active. */
    public OwnerAccount accepted(String newHash) {
        return new OwnerAccount(id, companyId, email, Optional.of(newHash), role, OwnerStatus.ACTIVE, createdAt,
                lastLoginAt, tokenGeneration + 1, Optional.empty());
    }

    /**
     * A new password: every token issued before is refused from now on, except {@code keptToken},
     * the one that made the change (empty: none is kept).
     */
    public OwnerAccount withPassword(String newHash, Optional<String> keptToken) {
        return new OwnerAccount(id, companyId, email, Optional.of(newHash), role, status, createdAt, lastLoginAt,
                tokenGeneration + 1, keptToken);
    }

    public OwnerAccount withRole(Role newRole) {
        return new OwnerAccount(id, companyId, email, passwordHash, newRole, status, createdAt, lastLoginAt,
                tokenGeneration, keptTokenId);
    }

    /** Disabling refuses every token issued so far; enabling does not bring them back. */
    public OwnerAccount withStatus(OwnerStatus newStatus) {
        if (newStatus == OwnerStatus.INVITED || (status == OwnerStatus.INVITED && newStatus == OwnerStatus.ACTIVE)) {
            throw new IllegalArgumentException("an owner becomes active by accepting the invite");
        }
        if (newStatus == OwnerStatus.DISABLED && status != OwnerStatus.DISABLED) {
            return new OwnerAccount(id, companyId, email, passwordHash, role, newStatus, createdAt, lastLoginAt,
                    tokenGeneration + 1, Optional.empty());
        }
        return new OwnerAccount(id, companyId, email, passwordHash, role, newStatus, createdAt, lastLoginAt,
                tokenGeneration, keptTokenId);
    }

    public OwnerAccount signedIn(Instant now) {
        return new OwnerAccount(id, companyId, email, passwordHash, role, status, createdAt, Optional.of(now),
                tokenGeneration, keptTokenId);
    }

    @Override
    public String toString() {
        return "OwnerAccount[" + id + ", " + email + ", " + role.wire() + ", " + status.wire() + "]";
    }
}
