package io.dashshare.adapter.http.edge;

import io.dashshare.adapter.http.error.ErrorResponses;
import io.dashshare.domain.error.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The static resources under {@code /assets} answer {@code GET} and {@code HEAD} only: the
 * framework serves a file to any method, so every other one is refused here with 405 (docs/api.md).
 */
@ServerFilter("/assets/**")
public final class StaticAssetsFilter implements Ordered {

    static final String ALLOW = "GET, HEAD";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> onlyRead(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return null;
        }
        return ErrorResponses.of(request, ErrorCode.METHOD_NOT_ALLOWED, "Static assets answer GET and HEAD only.")
                .header(HttpHeaders.ALLOW, ALLOW);
    }
}
