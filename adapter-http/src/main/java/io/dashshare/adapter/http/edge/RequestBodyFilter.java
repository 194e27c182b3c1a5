package io.dashshare.adapter.http.edge;

import io.dashshare.adapter.http.error.ErrorResponses;
import io.dashshare.domain.error.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import java.util.Locale;
import java.util.Map;

/**
 * A request body is refused before anything reads it (docs/api.md, errors): over the size limit by
 * its {@code Content-Length} (413; a streamed body over it is refused by the server as it arrives),
 * or sent to a JSON route as anything but {@code application/json}, optionally with
 * {@code charset=utf-8} (415). Runs after the embed filter has looked up the token's origins, so
 * that an embed route's refusal is framed and shared like its answers.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestBodyFilter implements Ordered {

    private final long maxRequestSize;

    public RequestBodyFilter(HttpServerConfiguration server) {
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after() + 1;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (maxRequestSize > 0 && request.getContentLength() > maxRequestSize) {
            return ErrorResponses.of(request, 413, ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxRequestSize + " bytes.", Map.of("reason", "body_too_large"));
        }
        if (hasBody(request) && consumesJson(request) && !isJson(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))) {
            return ErrorResponses.of(request, 415, ErrorCode.INVALID_REQUEST,
                    "The request body must be sent as Content-Type: application/json (charset utf-8 if any).", Map.of());
        }
        return null;
    }

    private static boolean hasBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean consumesJson(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request).map(RouteInfo::getConsumes)
                .map(types -> types.stream().anyMatch(type -> type.matches(MediaType.APPLICATION_JSON_TYPE)))
                .orElse(false);
    }

    /**
     * {@code application/json}, any case, with at most a {@code charset} of {@code utf-8}: the
     * framework reads {@code ;;;} or a missing type as JSON too, which docs/api.md does not allow.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json") || parts.length > 2) {
            return false;
        }
        if (parts.length == 1) {
            return true;
        }
        String parameter = parts[1].trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return parameter.equals("charset=utf-8") || parameter.equals("charset=\"utf-8\"");
    }
}
