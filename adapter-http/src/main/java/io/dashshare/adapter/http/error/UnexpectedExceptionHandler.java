package io.dashshare.adapter.http.error;

import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.TokenPaths;
import io.dashshare.domain.error.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no other handler claims is a bug: logged in full with the request id, answered 500
 * {@code INTERNAL_ERROR} with nothing of it in the body.
 */
@Singleton
@Produces
public final class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        LOG.error("unexpected failure on {} {} (request {})", request.getMethodName(),
                TokenPaths.redact(request.getPath()), RequestIds.of(request), exception);
        return ErrorResponses.of(request, ErrorCode.INTERNAL_ERROR, null);
    }
}
