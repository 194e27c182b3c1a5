package io.dashshare.adapter.http.security;

import io.dashshare.adapter.http.error.ErrorResponses;
import io.dashshare.domain.error.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;

/**
 * micronaut-security refuses an owner route without a valid token; the API distinguishes no
 * token ({@code UNAUTHENTICATED}) from a token that is not a valid owner token
 * ({@code TOKEN_INVALID}): another flow's token, an expired one, garbage.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
public final class ApiAuthorizationExceptionHandler
        implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (RouteAttributes.getRouteMatch(request).isEmpty()) {
            // With reject-not-found on, security answers unknown routes first; they are still 404.
            return ErrorResponses.of(request, ErrorCode.NOT_FOUND, null);
        }
        if (exception.isForbidden()) {
            return ErrorResponses.of(request, ErrorCode.FORBIDDEN, null);
        }
        boolean presented = request.getHeaders().get(HttpHeaders.AUTHORIZATION) != null;
        MutableHttpResponse<byte[]> response = presented
                ? ErrorResponses.of(request, ErrorCode.TOKEN_INVALID, null)
                : ErrorResponses.of(request, ErrorCode.UNAUTHENTICATED, "This route needs an owner access token.");
        return response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
