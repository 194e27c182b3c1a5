package io.dashshare.adapter.http.web;

import io.micronaut.http.HttpRequest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The id that ties a response, its error body and its log lines together. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    static final String ATTRIBUTE = "dashshare.request-id";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /**
     * The request's id. The edge's Netty handler makes it when the request's first bytes are decoded
     * and puts it in the request's {@value #HEADER} header, replacing whatever the client sent there
     * (docs/errors.md, request ids), so that answers written below the framework carry the same id.
     * A request that did not come through that handler (a unit test's) gets one on first use.
     */
    public static String of(HttpRequest<?> request) {
        if (request == null) {
            return fresh();
        }
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String assigned = request.getHeaders().get(HEADER);
            String id = assigned != null && assigned.matches("[0-9a-f]{24}") ? assigned : fresh();
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    public static String fresh() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
