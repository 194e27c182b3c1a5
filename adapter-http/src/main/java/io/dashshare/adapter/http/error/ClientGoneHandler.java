package io.dashshare.adapter.http.error;

import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.TokenPaths;
import io.dashshare.domain.error.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.io.EOFException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection closed before the request's body was complete: the client went away (it sent
 * less than its {@code Content-Length}, or hung up). Nobody is left to answer, and it is not the
 * service's failure: one INFO line (the edge's access-log line; this one is DEBUG), and status 499 (nginx's "client closed request") for the
 * access log and the metrics, never a 5xx (docs/operations.md, access log).
 */
@Singleton
@Produces
public final class ClientGoneHandler implements ExceptionHandler<EOFException, HttpResponse<?>> {

    public static final int CLIENT_GONE = 499;
    private static final Logger LOG = LoggerFactory.getLogger(ClientGoneHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, EOFException exception) {
        LOG.debug("client went away before its request was complete: {} {} (request {})", request.getMethodName(),
                TokenPaths.redact(request.getPath()), RequestIds.of(request));
        return HttpResponse.status(CLIENT_GONE, "Client Closed Request").contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorResponses.body(RequestIds.of(request), ErrorCode.INVALID_REQUEST,
                        "The connection closed before the request was complete.", Map.of("reason", "client_gone")));
    }
}
