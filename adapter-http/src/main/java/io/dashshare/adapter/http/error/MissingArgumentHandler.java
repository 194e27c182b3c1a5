package io.dashshare.adapter.http.error;

import io.dashshare.domain.error.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * A route whose required body or parameter did not come: {@code INVALID_REQUEST} naming it
 * ({@code body} for a missing JSON body), as every other malformed request.
 */
@Singleton
@Produces
@Replaces(io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler.class)
public final class MissingArgumentHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException exception) {
        String field = exception instanceof UnsatisfiedBodyRouteException ? "body" : exception.getArgument().getName();
        String message = exception instanceof UnsatisfiedBodyRouteException
                ? "body: is required: send a JSON object" : field + ": is required";
        return ErrorResponses.of(request, 400, ErrorCode.INVALID_REQUEST, message, Map.of("field", field));
    }
}
