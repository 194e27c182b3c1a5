package io.dashshare.adapter.http.web;

import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.port.in.ViewEmbedUseCase;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embed pages and their API may be framed by, and the API called from, exactly the origins the
 * token's company configured (SECURITY.md 23-24): {@code frame-ancestors} lists them (or
 * {@code 'none'}), and {@code Access-Control-Allow-Origin} echoes a request's {@code Origin} only
 * when it equals one of them. No other path gets CORS at all.
 */
@ServerFilter({"/api/embed/**", "/embed/**"})
public final class EmbedFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(EmbedFilter.class);
    private static final String ORIGINS = "dashshare.embed-origins";
    /**
     * The token's verification, done once here for the headers and reused by {@code GET .../info}:
     * each verification reads the key, the company and the dashboard, so verifying twice per
     * request doubled the database work of the embed's first call.
     */
    public static final String VERIFIED = "dashshare.embed-verified";

    private final ViewEmbedUseCase embeds;

    public EmbedFilter(ViewEmbedUseCase embeds) {
        this.embeds = embeds;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> lookUpOrigins(HttpRequest<?> request) {
        List<String> origins = originsOf(request);
        request.setAttribute(ORIGINS, origins);
        boolean preflight = request.getMethod() == HttpMethod.OPTIONS
                && request.getHeaders().get(HttpHeaders.ORIGIN) != null
                && request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (preflight && TokenPaths.isEmbedApi(request.getPath())) {
            MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.NO_CONTENT);
            allowedOrigin(request, origins).ifPresent(origin -> response.getHeaders()
                    .set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST")
                    .set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type")
                    .set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600"));
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            FrameAncestors.set(response, frameAncestorSources(origins));
            return response;
        }
        return null;
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    public void decorate(HttpRequest<?> request, MutableHttpResponse<?> response) {
        List<String> origins = request.getAttribute(ORIGINS, List.class).orElse(List.of());
        FrameAncestors.set(response, frameAncestorSources(origins));
        if (TokenPaths.isEmbedApi(request.getPath())) {
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            allowedOrigin(request, origins).ifPresent(origin -> response.getHeaders()
                    .set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, RequestIds.HEADER + ", Retry-After"));
        }
    }

    private static String frameAncestorSources(List<String> origins) {
        return origins.isEmpty() ? "'none'" : String.join(" ", origins);
    }

    private List<String> originsOf(HttpRequest<?> request) {
        return TokenPaths.embedToken(request.getPath()).map(token -> {
            try {
                SharedDashboard verified = embeds.info(token);
                request.setAttribute(VERIFIED, verified);
                return verified.company().embedOrigins().stream().map(EmbedOrigin::value)
                        .collect(Collectors.toList());
            } catch (SharingException e) {
                return List.<String>of();
            } catch (RuntimeException e) {
                // Headers must not turn a page into a 500; without origins nothing may frame it.
                LOG.warn("embed origins unavailable: {}", e.toString());
                return List.<String>of();
            }
        }).orElse(List.of());
    }

    /** Exact, case-sensitive equality with a configured origin: no prefix, suffix or {@code null}. */
    private static java.util.Optional<String> allowedOrigin(HttpRequest<?> request, List<String> origins) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || origin.equals("null") || origin.contains("*")) {
            return java.util.Optional.empty();
        }
        return origins.stream().filter(origin::equals).findFirst();
    }
}
