package io.dashshare.adapter.http.security;

import io.dashshare.adapter.http.web.AuditClients;
import io.dashshare.application.port.in.AuthenticateOwnerUseCase;
import io.dashshare.application.port.in.AuthenticateOwnerUseCase.OwnerTokenClaims;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.secret.TokenHash;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Who is behind an owner route, asked of the store on the request's (blocking) thread, so that a
 * disabled owner, a suspended company, a logout or a revoked key is refused by the very next
 * request on every instance (docs/tokens.md, owner tokens and API keys).
 */
@Singleton
public final class OwnerAccess {

    private final AuthenticateOwnerUseCase authenticate;
    private final AuditClients clients;

    public OwnerAccess(AuthenticateOwnerUseCase authenticate, AuditClients clients) {
        this.authenticate = authenticate;
        this.clients = clients;
    }

    /**
     * The principal of the request being served, carrying its client facts for the audit events
     * of what it changes (docs/api.md, audit log).
     */
    public OwnerPrincipal principal(Authentication authentication) {
        return authenticated(authentication).from(clients.current());
    }

    private OwnerPrincipal authenticated(Authentication authentication) {
        if (authentication == null) {
            throw new SharingException(ErrorCode.UNAUTHENTICATED, "This route needs an owner access token.");
        }
        if (ApiKeyTokenValidator.API_KEY.equals(authentication.getAttributes().get(ApiKeyTokenValidator.KIND))
                && authentication.getAttributes().get(ApiKeyTokenValidator.KEY_HASH) instanceof String hash) {
            return authenticate.apiKey(new TokenHash(hash));
        }
        return authenticate.owner(token(authentication).orElseThrow(SharingException::tokenInvalid));
    }

    /** The owner token's own claims; empty for an API key. */
    public Optional<OwnerTokenClaims> token(Authentication authentication) {
        return authentication == null ? Optional.empty() : OwnerTokens.claims(authentication);
    }
}
