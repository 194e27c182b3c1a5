package io.dashshare.adapter.http.error;

import io.dashshare.adapter.http.json.Json;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.error.SharingException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error body of the API (docs/errors.md): {@code {error_code, message, request_id}} plus
 * optional {@code details}; {@code AUTH_REQUIRED} also carries {@code company_slug} at the top
 * level, where a viewer page looks for the portal to log in at.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static MutableHttpResponse<byte[]> of(HttpRequest<?> request, SharingException e) {
        MutableHttpResponse<byte[]> response = of(request, e.code().httpStatus(), e.code(), e.getMessage(), e.details());
        if (e instanceof RateLimitedException limited) {
            long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return response;
    }

    public static MutableHttpResponse<byte[]> of(HttpRequest<?> request, ErrorCode code, String message) {
        return of(request, code.httpStatus(), code, message, Map.of());
    }

    /** {@code status} differs from the code's own only for framework statuses the table lacks (415, 406). */
    public static MutableHttpResponse<byte[]> of(HttpRequest<?> request, int status, ErrorCode code, String message,
                                                 Map<String, ?> details) {
        return HttpResponse.<byte[]>status(HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(body(RequestIds.of(request), code, message, details));
    }

    /** The body alone, for answers written below the framework (the edge's Netty handler). */
    public static byte[] body(String requestId, ErrorCode code, String message, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code.name());
        body.put("message", message == null || message.isBlank() ? defaultMessage(code) : message);
        body.put("request_id", requestId);
        if (code == ErrorCode.AUTH_REQUIRED && details.get("company_slug") != null) {
            body.put("company_slug", details.get("company_slug"));
        }
        if (!details.isEmpty()) {
            body.put("details", new LinkedHashMap<>(details));
        }
        return Json.write(body);
    }

    static String defaultMessage(ErrorCode code) {
        switch (code) {
            case NOT_FOUND:
                return "No such resource.";
            case METHOD_NOT_ALLOWED:
                return "This method is not allowed on this resource.";
            case PAYLOAD_TOO_LARGE:
                return "The request body is too large.";
            case UNAUTHENTICATED:
                return "Authentication is required.";
            case TOKEN_INVALID:
                return "The token is invalid or has expired.";
            case FORBIDDEN:
                return "You may not do this.";
            case RATE_LIMITED:
                return "Too many requests; try again later.";
            case SERVICE_UNAVAILABLE:
                return "The service is temporarily unavailable; try again shortly.";
            case INTERNAL_ERROR:
                return "An unexpected error occurred; quote the request id when reporting it.";
            default:
                return "The request is invalid.";
        }
    }
}
