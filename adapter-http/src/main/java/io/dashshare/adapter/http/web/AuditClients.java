package io.dashshare.adapter.http.web;

import io.dashshare.domain.audit.AuditClient;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/**
 * The client facts of a request for its audit events (docs/api.md, audit log): the client address
 * as throttling sees it ({@link ClientAddresses}: the socket peer or the nearest untrusted
 * forwarded hop), the User-Agent, and the request id the answer carries in X-Request-Id. The
 * address is raw here; the core keeps only what {@code SHARING_AUDIT_CLIENT_IP} allows.
 */
@Singleton
public final class AuditClients {

    private final ClientAddresses addresses;

    public AuditClients(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    public AuditClient of(HttpRequest<?> request) {
        if (request == null) {
            return AuditClient.NONE;
        }
        return new AuditClient(addresses.of(request), request.getHeaders().get(HttpHeaders.USER_AGENT),
                RequestIds.of(request));
    }

    /** The request being served on this thread (Micronaut propagates it to blocking executors), if any. */
    public AuditClient current() {
        return ServerRequestContext.currentRequest().map(this::of).orElse(AuditClient.NONE);
    }
}
