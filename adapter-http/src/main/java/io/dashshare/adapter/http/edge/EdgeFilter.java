package io.dashshare.adapter.http.edge;

import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.TokenPaths;

import io.dashshare.adapter.http.error.ErrorResponses;
import io.dashshare.domain.error.ErrorCode;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Outermost filter, ahead of security: gives every request its id (response header, error body,
 * log MDC), writes one access-log line with token segments redacted, and sets the security headers
 * every response carries. Embed paths get their {@code frame-ancestors} from {@link EmbedFilter}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class EdgeFilter implements Ordered {

    public static final String ACCESS_LOGGER = "io.dashshare.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final String STARTED = "dashshare.started-nanos";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    private final long maxRequestSize;

    public EdgeFilter(HttpServerConfiguration server) {
        this.maxRequestSize = server.getMaxRequestSize();
    }

    /** Refuses a declared oversized body before anything reads it (streamed bodies are capped by Netty). */
    @RequestFilter
    @Nullable
    public HttpResponse<?> start(HttpRequest<?> request, MutablePropagatedContext context) {
        request.setAttribute(STARTED, System.nanoTime());
        context.add(new MdcPropagationContext(Map.of(RequestIds.MDC_KEY, RequestIds.of(request))));
        if (maxRequestSize > 0 && request.getContentLength() > maxRequestSize) {
            MutableHttpResponse<byte[]> tooLarge = ErrorResponses.of(request, ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxRequestSize + " bytes.");
            // A response from a request filter skips this filter's response method: finish it here.
            finish(request, tooLarge);
            return tooLarge;
        }
        return null;
    }

    @ResponseFilter
    public void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String requestId = RequestIds.of(request);
        String path = request.getPath();
        MutableHttpHeaders headers = response.getHeaders();
        headers.set(RequestIds.HEADER, requestId);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        if (path.startsWith("/api/") || path.startsWith("/s/") || path.startsWith("/embed/")
                || path.startsWith("/console/")) {
            headers.set("Cache-Control", "no-store");
        }
        if (!TokenPaths.isEmbed(path)) {
            FrameAncestors.set(response, "'none'");
            headers.set("X-Frame-Options", "DENY");
        }
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.MDC_KEY, requestId)) {
            // Never the query string, headers or body: they can carry tokens, codes and passwords.
            ACCESS.info("method={} path={} status={} duration_ms={} request_id={}", request.getMethodName(),
                    TokenPaths.redact(path), response.code(), durationMs, requestId);
        }
    }
}
