package io.dashshare.adapter.http.security;

import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.ApiKey;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * {@code Authorization: Bearer dsk_...} on the owner API (docs/tokens.md, API keys). This runs on
 * the event loop, so it only recognises the key's shape and keeps its hash (never the key); the
 * store is asked on the request's own thread, by {@link OwnerAccess}, like for every owner token.
 * Viewer, portal, embed and operator routes read their bearer themselves and know no API key.
 */
@Singleton
public final class ApiKeyTokenValidator implements TokenValidator<HttpRequest<?>> {

    static final String KIND = "credential";
    static final String API_KEY = "api_key";
    static final String KEY_HASH = "key_hash";
    /** {@code dsk_} and 43 base64url characters; longer input is not a key and not worth hashing. */
    private static final int KEY_LENGTH = ApiKey.KEY_PREFIX.length() + 43;

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token == null || token.length() != KEY_LENGTH || !token.startsWith(ApiKey.KEY_PREFIX)
                || !SecretToken.hasTokenShape(token.substring(ApiKey.KEY_PREFIX.length()))) {
            return Publishers.empty();
        }
        String hash = SecretToken.hashOfPresented(token).hex();
        return Publishers.just(Authentication.build("api-key", List.of(OwnerTokens.ROLE_OWNER),
                Map.of(KIND, API_KEY, KEY_HASH, hash)));
    }
}
