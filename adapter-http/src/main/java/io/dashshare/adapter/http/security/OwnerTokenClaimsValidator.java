package io.dashshare.adapter.http.security;

import io.dashshare.domain.common.Ids;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Only our owner tokens authenticate on the owner API: issuer, audience, expiry, both ids, the
 * generation and the token id are required (Micronaut's own validators treat a missing
 * {@code exp} as "never expires").
 */
@Singleton
public final class OwnerTokenClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        return OwnerTokens.ISSUER.equals(claims.get(Claims.ISSUER))
                && hasAudience(claims.get(Claims.AUDIENCE))
                && claims.get(Claims.EXPIRATION_TIME) != null
                && claims.get(Claims.SUBJECT) instanceof String sub && Ids.parse(sub).isPresent()
                && claims.get(OwnerTokens.COMPANY) instanceof String company && Ids.parse(company).isPresent()
                && claims.get(OwnerTokens.GENERATION) instanceof Number
                && claims.get(Claims.TOKEN_ID) instanceof String jti && !jti.isEmpty();
    }

    private static boolean hasAudience(Object aud) {
        if (aud instanceof String s) {
            return OwnerTokens.AUDIENCE.equals(s);
        }
        return aud instanceof Collection<?> list && list.size() == 1 && list.contains(OwnerTokens.AUDIENCE);
    }
}
