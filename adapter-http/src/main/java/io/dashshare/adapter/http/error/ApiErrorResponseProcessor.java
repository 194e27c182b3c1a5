package io.dashshare.adapter.http.error;

import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.TokenPaths;
import io.dashshare.domain.error.ErrorCode;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Micronaut's error body (HTML or its own JSON) for everything the framework answers by
 * itself: unknown routes, wrong methods, unsupported media types, unreadable bodies, oversized
 * requests. The framework's messages are dropped: they can quote input or name internal types.
 */
@Singleton
@Primary
@Replaces(ErrorResponseProcessor.class)
public final class ApiErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<byte[]> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        ErrorCode code;
        String message;
        Map<String, String> details = Map.of();
        switch (status) {
            case 401:
                code = ErrorCode.UNAUTHENTICATED;
                message = null;
                break;
            case 403:
                code = ErrorCode.FORBIDDEN;
                message = null;
                break;
            case 404:
                code = ErrorCode.NOT_FOUND;
                message = null;
                break;
            case 405:
                code = ErrorCode.METHOD_NOT_ALLOWED;
                message = null;
                break;
            case 406:
                code = ErrorCode.INVALID_REQUEST;
                message = "Only application/json responses are available.";
                break;
            case 413:
                // A body streamed past the limit (a declared one is refused before it is read, RequestBodyFilter).
                code = ErrorCode.PAYLOAD_TOO_LARGE;
                message = null;
                details = Map.of("reason", "body_too_large");
                break;
            case 415:
                code = ErrorCode.INVALID_REQUEST;
                message = "The request body must be sent as Content-Type: application/json.";
                break;
            case 429:
                code = ErrorCode.RATE_LIMITED;
                message = null;
                break;
            case 503:
                code = ErrorCode.SERVICE_UNAVAILABLE;
                message = null;
                break;
            default:
                if (status >= 500) {
                    code = ErrorCode.INTERNAL_ERROR;
                    message = null;
                    LOG.error("framework error {} on {} (request {})", status,
                            TokenPaths.redact(context.getRequest().getPath()), RequestIds.of(context.getRequest()),
                            context.getRootCause().orElse(null));
                } else {
                    code = ErrorCode.INVALID_REQUEST;
                    message = "The request is malformed: check the path, query parameters and JSON body.";
                }
        }
        MutableHttpResponse<byte[]> body = ErrorResponses.of(context.getRequest(), status, code, message, details);
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> body.header(name, v));
            }
        });
        if (status == 405 && body.getHeaders().get(HttpHeaders.ALLOW) == null) {
            context.getRootCause().filter(NotAllowedException.class::isInstance).map(NotAllowedException.class::cast)
                    .ifPresent(e -> body.header(HttpHeaders.ALLOW, allow(e.getAllowedMethods())));
        }
        return body;
    }

    private static String allow(Set<String> methods) {
        Set<String> sorted = new TreeSet<>(methods);
        if (sorted.contains(HttpMethod.GET.name())) {
            sorted.add(HttpMethod.HEAD.name());
        }
        return String.join(", ", sorted);
    }
}
