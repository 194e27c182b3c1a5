package io.dashshare.adapter.http.edge;

import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.TokenPaths;

import io.dashshare.application.port.in.EmbedAccess;
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
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embed pages and their API may be framed by, and the API called from, exactly the origins the
 * token's company configured (docs/security.md#browser-1, #browser-2): {@code frame-ancestors} lists them (or
 * {@code 'none'}), and {@code Access-Control-Allow-Origin} echoes a request's {@code Origin} only
 * when it equals one of them. No other path gets CORS at all.
 *
 * <p>The origins come from the token's verification, done once per request, before the route
 * reads a body: by {@link ApiOrigins} for the embed API (whose controller takes the verified
 * access from there, {@link #verified}), {@link PageOrigins} for the page and
 * {@link PreflightOrigins} for a CORS preflight. So a refused body (400, 413, 415) of a good token
 * is framed and shared like its answers. A token that does not verify leaves the list empty:
 * nobody may frame, no origin is allowed.
 */
@ServerFilter({"/api/embed/**", "/embed/**"})
public final class EmbedFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(EmbedFilter.class);
    private static final String ORIGINS = "dashshare.embed-origins";
    private static final String VERIFIED = "dashshare.embed-verified";

    /** One verification of one token: its access, or its refusal. */
    private record Verified(String token, EmbedAccess access, SharingException refusal) {
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    /** Records the origins of a token verified while handling {@code request}, for its response headers. */
    public static void allowFraming(HttpRequest<?> request, List<EmbedOrigin> origins) {
        request.setAttribute(ORIGINS, origins.stream().map(EmbedOrigin::value).collect(Collectors.toList()));
    }

    /**
     * The access of the request's embed token, verified once: by {@link ApiOrigins} ahead of the
     * route (its refusal is thrown again here), or here when that filter did not run.
     */
    public static EmbedAccess verified(HttpRequest<?> request, String token, ViewEmbedUseCase embeds) {
        Optional<Verified> verified = request.getAttribute(VERIFIED, Verified.class).filter(v -> v.token().equals(token));
        if (verified.isPresent()) {
            if (verified.get().refusal() != null) {
                throw verified.get().refusal();
            }
            return verified.get().access();
        }
        EmbedAccess opened = embeds.open(token);
        allowFraming(request, opened.company().embedOrigins());
        return opened;
    }

    /**
     * {@link #verified}, or empty when the token was refused: the caller then goes through the use
     * case's token-taking method, which verifies again and records the refusal's audit event
     * (docs/api.md, audit log) before it throws. Refusals are rare; the verified path stays one
     * verification per request.
     */
    public static Optional<EmbedAccess> verifiedIfAny(HttpRequest<?> request, String token, ViewEmbedUseCase embeds) {
        try {
            return Optional.of(verified(request, token, embeds));
        } catch (SharingException e) {
            return Optional.empty();
        }
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

    /** Verifies the token of an embed path and records its origins; nothing for a token that does not verify. */
    private static List<String> lookUp(ViewEmbedUseCase embeds, HttpRequest<?> request) {
        List<String> origins = TokenPaths.embedToken(request.getPath()).map(token -> {
            try {
                EmbedAccess access = embeds.open(token);
                request.setAttribute(VERIFIED, new Verified(token, access, null));
                return access.company().embedOrigins().stream().map(EmbedOrigin::value).collect(Collectors.toList());
            } catch (SharingException e) {
                request.setAttribute(VERIFIED, new Verified(token, null, e));
                return List.<String>of();
            } catch (RuntimeException e) {
                // Headers must not turn a page into a 500; without origins nothing may frame it.
                LOG.warn("embed origins unavailable: {}", e.toString());
                return List.<String>of();
            }
        }).orElse(List.of());
        request.setAttribute(ORIGINS, origins);
        return origins;
    }

    /** Exact, case-sensitive equality with a configured origin: no prefix, suffix or {@code null}. */
    private static Optional<String> allowedOrigin(HttpRequest<?> request, List<String> origins) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || origin.equals("null") || origin.contains("*")) {
            return Optional.empty();
        }
        return origins.stream().filter(origin::equals).findFirst();
    }

    /** Where no controller verifies the token, a filter does it before the route, on a blocking thread. */
    abstract static class OriginsLookup implements Ordered {

        final ViewEmbedUseCase embeds;

        OriginsLookup(ViewEmbedUseCase embeds) {
            this.embeds = embeds;
        }

        @Override
        public int getOrder() {
            return ServerFilterPhase.FIRST.after();
        }
    }

    /** The embed API's token, verified before the route reads the body; the controller takes the result. */
    @ServerFilter(value = "/api/embed/**", methods = {HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST})
    public static final class ApiOrigins extends OriginsLookup {

        public ApiOrigins(ViewEmbedUseCase embeds) {
            super(embeds);
        }

        @RequestFilter
        @ExecuteOn(TaskExecutors.BLOCKING)
        public void lookUpOrigins(HttpRequest<?> request) {
            lookUp(embeds, request);
        }
    }

    /** The embed page has no token-verifying controller: its frame-ancestors come from here. */
    @ServerFilter("/embed/**")
    public static final class PageOrigins extends OriginsLookup {

        public PageOrigins(ViewEmbedUseCase embeds) {
            super(embeds);
        }

        @RequestFilter
        @ExecuteOn(TaskExecutors.BLOCKING)
        public void lookUpOrigins(HttpRequest<?> request) {
            lookUp(embeds, request);
        }
    }

    /** A CORS preflight of the embed API is answered here, before any route, with the token's origins. */
    @ServerFilter(value = "/api/embed/**", methods = HttpMethod.OPTIONS)
    public static final class PreflightOrigins extends OriginsLookup {

        public PreflightOrigins(ViewEmbedUseCase embeds) {
            super(embeds);
        }

        @RequestFilter
        @Nullable
        @ExecuteOn(TaskExecutors.BLOCKING)
        public HttpResponse<?> answerPreflight(HttpRequest<?> request) {
            boolean preflight = request.getHeaders().get(HttpHeaders.ORIGIN) != null
                    && request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
            if (!preflight || !TokenPaths.isEmbedApi(request.getPath())) {
                return null;
            }
            List<String> origins = lookUp(embeds, request);
            MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.NO_CONTENT);
            allowedOrigin(request, origins).ifPresent(origin -> response.getHeaders()
                    .set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST")
                    .set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type")
                    .set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600"));
            return response;
        }
    }
}
