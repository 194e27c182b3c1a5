package io.dashshare.domain.portal;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One portal login of one email at one company: the family of its refresh tokens. Revoking it
 * (logout, refresh-token reuse) stops every access token issued under it.
 */
public record ShareSession(SessionId id, CompanyId companyId, EmailAddress email, Instant createdAt,
                           Instant expiresAt, Optional<Instant> revokedAt) {

    public ShareSession {
        Objects.requireNonNull(id);
        Objects.requireNonNull(companyId);
        Objects.requireNonNull(email);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(expiresAt);
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }

    public boolean isActive(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
