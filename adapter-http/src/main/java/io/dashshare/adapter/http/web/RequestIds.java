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

    /** The request's id, assigned on first use (the edge filter assigns it before anything else runs). */
    public static String of(HttpRequest<?> request) {
        if (request == null) {
            return fresh();
        }
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = fresh();
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    static String fresh() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
