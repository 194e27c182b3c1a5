package io.dashshare.adapter.http.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * A request that matched no route protects nothing: let it through so the framework's own answer
 * (404, 405 with {@code Allow}, 415) reaches the client instead of a 401 from the security filter.
 */
@Singleton
public final class RouteMissSecurityRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
        boolean routed = request == null || RouteAttributes.getRouteMatch(request).isPresent();
        return Publishers.just(routed ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.ALLOWED);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
