package io.dashshare.adapter.http.edge;

import io.micronaut.http.MutableHttpResponse;

/**
 * Sets a response's {@code frame-ancestors}. A page already carries its own policy (scripts,
 * styles, connections); the directive is appended to it rather than replacing it, so both hold.
 */
public final class FrameAncestors {

    static final String CSP = "Content-Security-Policy";

    private FrameAncestors() {
    }

    public static void set(MutableHttpResponse<?> response, String sources) {
        response.getHeaders().set(CSP, merge(response.getHeaders().get(CSP), sources));
    }

    /** {@code policy} with its {@code frame-ancestors} (if any) replaced by one listing {@code sources}. */
    static String merge(String policy, String sources) {
        String directive = "frame-ancestors " + sources;
        if (policy == null || policy.isBlank()) {
            return directive;
        }
        StringBuilder merged = new StringBuilder();
        for (String part : policy.split(";")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty() && !isFrameAncestors(trimmed)) {
                merged.append(trimmed).append("; ");
            }
        }
        return merged.append(directive).toString();
    }

    /** Whether {@code policy} already says who may frame it. */
    static boolean declares(String policy) {
        if (policy == null) {
            return false;
        }
        for (String part : policy.split(";")) {
            if (isFrameAncestors(part.trim())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFrameAncestors(String directive) {
        return directive.regionMatches(true, 0, "frame-ancestors", 0, "frame-ancestors".length());
    }
}
