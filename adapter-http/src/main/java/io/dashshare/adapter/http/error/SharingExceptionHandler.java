package io.dashshare.adapter.http.error;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import io.dashshare.adapter.http.web.TokenPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every business failure of the use cases, with its code's status (and Retry-After when throttled). */
@Singleton
@Primary
@Produces
public final class SharingExceptionHandler implements ExceptionHandler<SharingException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(SharingExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, SharingException exception) {
        // SERVICE_UNAVAILABLE is an outage's every request: the database gate logs the outage once, when it
        // begins and when it ends, with the count of refusals, so one line per 503 here would only repeat it.
        if (exception.code() == ErrorCode.INTERNAL_ERROR) {
            LOG.warn("{} on {} {}: {}", exception.code(), request.getMethodName(), TokenPaths.redact(request.getPath()),
                    exception.getMessage());
        } else {
            LOG.debug("{} on {} {}", exception.code(), request.getMethodName(), TokenPaths.redact(request.getPath()));
        }
        return ErrorResponses.of(request, exception);
    }
}
