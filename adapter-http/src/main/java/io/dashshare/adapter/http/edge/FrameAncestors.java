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
        String directive = "frame-ancestors " + sources;
        String existing = response.getHeaders().get(CSP);
        if (existing == null || existing.isBlank() || existing.trim().startsWith("frame-ancestors")) {
            response.getHeaders().set(CSP, directive);
            return;
        }
        StringBuilder policy = new StringBuilder();
        for (String part : existing.split(";")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("frame-ancestors")) {
                policy.append(trimmed).append("; ");
            }
        }
        response.getHeaders().set(CSP, policy.append(directive).toString());
    }
}
