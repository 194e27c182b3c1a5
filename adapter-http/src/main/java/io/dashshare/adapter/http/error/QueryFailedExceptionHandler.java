package io.dashshare.adapter.http.error;

import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.execution.QueryFailedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dashboard query failure that escaped a use case (a dynamic filter's SQL, say): the diagnostic
 * may hold SQL or a database message, so it goes to the log only.
 */
@Singleton
@Produces
public final class QueryFailedExceptionHandler implements ExceptionHandler<QueryFailedException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(QueryFailedExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, QueryFailedException exception) {
        LOG.warn("query failed ({}) in request {}: {}", exception.reason(), RequestIds.of(request),
                exception.getMessage(), exception.getCause());
        if (exception.reason() == QueryFailedException.Reason.UNAVAILABLE
                || exception.reason() == QueryFailedException.Reason.TOO_BUSY) {
            return ErrorResponses.of(request, ErrorCode.SERVICE_UNAVAILABLE, null);
        }
        return ErrorResponses.of(request, ErrorCode.DB_QUERY_ERROR, "The query behind this request failed.");
    }
}
