package io.dashshare.adapter.http.edge;

import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.TokenPaths;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The headers every answer carries (docs/api.md, headers on every response), decided from the
 * request's path and the answer's status alone. {@link EdgeChannelHandler} applies them to every
 * response the process writes, whoever made it: a controller, the router, a static resource, or
 * the refusal of a request Netty could not decode.
 */
final class EdgeHeaders {

    static final String REFERRER_POLICY = "Referrer-Policy";
    static final String NOSNIFF = "X-Content-Type-Options";
    static final String CACHE_CONTROL = "Cache-Control";
    static final String FRAME_OPTIONS = "X-Frame-Options";

    private EdgeHeaders() {
    }

    static void apply(HttpHeaders headers, String path, String requestId, int status) {
        headers.set(RequestIds.HEADER, requestId);
        headers.set(REFERRER_POLICY, "no-referrer");
        headers.set(NOSNIFF, "nosniff");
        if (private_(path) || status >= 400) {
            headers.set(CACHE_CONTROL, "no-store");
        }
        String policy = headers.get(FrameAncestors.CSP);
        if (TokenPaths.isEmbed(path)) {
            // The embed filter lists the company's origins once the token verified; otherwise nobody may frame.
            if (!FrameAncestors.declares(policy)) {
                headers.set(FrameAncestors.CSP, FrameAncestors.merge(policy, "'none'"));
            }
            headers.remove(FRAME_OPTIONS);
        } else {
            headers.set(FrameAncestors.CSP, FrameAncestors.merge(policy, "'none'"));
            headers.set(FRAME_OPTIONS, "DENY");
        }
    }

    /** API answers and the pages that carry tokens or private data are never stored by a cache. */
    static boolean private_(String path) {
        return path.startsWith("/api/") || path.startsWith("/s/") || path.startsWith("/embed/")
                || path.startsWith("/console/") || path.equals("/console");
    }

    /**
     * The path of a request target, percent-decoded where the encoding is valid and kept as sent
     * where it is not ({@code /api/x?a=%ZZ} is still an API path), so that no spelling of a path
     * escapes its headers. Written here because the JDK's decoders refuse the whole input instead.
     */
    static String pathOf(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "";
        }
        String target = uri;
        int scheme = target.indexOf("://");
        if (scheme > 0 && scheme < 8) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int end = target.length();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return decode(target.substring(0, end));
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
