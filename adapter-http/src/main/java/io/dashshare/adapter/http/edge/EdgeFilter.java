package io.dashshare.adapter.http.edge;

import io.dashshare.adapter.http.web.RequestIds;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;

/**
 * Outermost filter, ahead of security: puts the request's id (made by {@link EdgeChannelHandler},
 * which also writes the headers and the access-log line of every answer) into the log context of
 * everything that runs for the request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class EdgeFilter implements Ordered {

    public static final String ACCESS_LOGGER = "io.dashshare.access";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    public void start(HttpRequest<?> request, MutablePropagatedContext context) {
        context.add(new MdcPropagationContext(Map.of(RequestIds.MDC_KEY, RequestIds.of(request))));
    }
}
