package io.dashshare.adapter.http.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Locale;
import java.util.Optional;

/** The {@code Authorization: Bearer} header, and only it: never a query parameter or a cookie. */
public final class BearerTokens {

    private static final String PREFIX = "bearer ";

    private BearerTokens() {
    }

    public static Optional<String> of(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= PREFIX.length()
                || !header.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
            return Optional.empty();
        }
        String token = header.substring(PREFIX.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
