package io.dashshare.adapter.http.operator;

import io.dashshare.adapter.http.error.ErrorResponses;
import io.dashshare.adapter.http.web.BearerTokens;
import io.dashshare.domain.error.ErrorCode;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The operator's bearer, checked before anything reads the request (docs/security.md#owners-4).
 * Compared in constant time: both sides are hashed to 32 bytes first, so neither the length
 * nor any prefix of the configured token shows in the timing. No bearer is
 * {@code UNAUTHENTICATED}; any other bearer (an owner token, an API key) is {@code TOKEN_INVALID}.
 */
@Context
@Requires(property = OperatorController.TOKEN_PROPERTY, pattern = ".+")
@ServerFilter("/api/v1/operator/**")
public final class OperatorFilter implements Ordered {

    static final int MIN_LENGTH = 32;

    private final byte[] expected;

    public OperatorFilter(@Value("${" + OperatorController.TOKEN_PROPERTY + "}") String configured) {
        if (configured.length() < MIN_LENGTH) {
            throw new ConfigurationException("SHARING_OPERATOR_TOKEN must be at least " + MIN_LENGTH
                    + " characters (it has " + configured.length() + ")");
        }
        this.expected = digest(configured);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        Optional<String> presented = BearerTokens.of(request);
        if (presented.isEmpty()) {
            return ErrorResponses.of(request, ErrorCode.UNAUTHENTICATED, "The operator API needs the operator token.")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (!MessageDigest.isEqual(expected, digest(presented.get()))) {
            return ErrorResponses.of(request, ErrorCode.TOKEN_INVALID, null)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return null;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
