package io.dashshare.application.port.in;

import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.OwnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * Who is behind an owner route's bearer, checked on every request so that a disabled or removed
 * owner, a suspended company, a password change, a logout and a revoked API key refuse at once,
 * on every instance (docs/tokens.md, owner tokens and API keys). Anything off is
 * {@code TOKEN_INVALID}.
 */
public interface AuthenticateOwnerUseCase {

    OwnerPrincipal owner(OwnerTokenClaims claims);

    /**
     * A key sent as {@code Authorization: Bearer dsk_...}, by its hash (the adapter never holds the
     * key longer than it takes to hash it). Its use is recorded at most once a minute, off the
     * request's path.
     */
    OwnerPrincipal apiKey(TokenHash presentedKey);

    /** What a verified owner access token says. */
    record OwnerTokenClaims(OwnerId owner, CompanyId company, long generation, String jti, Instant expiresAt) {
        public OwnerTokenClaims {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(company, "company");
            Objects.requireNonNull(jti, "jti");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
