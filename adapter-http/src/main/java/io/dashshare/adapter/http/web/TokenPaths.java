package io.dashshare.adapter.http.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The paths that carry a secret in a segment, and what the logs show of them. */
public final class TokenPaths {

    // A token segment follows one of these prefixes; everything after it stays visible.
    private static final Pattern TOKEN_SEGMENT =
            Pattern.compile("^(/api/v1/public/shares/|/api/embed/d/|/embed/d/|/s/)([^/]+)");
    private static final Pattern EMBED_TOKEN = Pattern.compile("^/(?:api/)?embed/d/([^/]+)");

    private TokenPaths() {
    }

    public static String redact(String path) {
        if (path == null) {
            return "";
        }
        Matcher m = TOKEN_SEGMENT.matcher(path);
        return m.find() ? m.group(1) + "{token}" + path.substring(m.end()) : path;
    }

    /** The page {@code /embed/**} and its API {@code /api/embed/**}: framable by the company's origins. */
    public static boolean isEmbed(String path) {
        return path != null && (path.startsWith("/api/embed/") || path.startsWith("/embed/"));
    }

    public static boolean isEmbedApi(String path) {
        return path != null && path.startsWith("/api/embed/");
    }

    public static Optional<String> embedToken(String path) {
        Matcher m = path == null ? null : EMBED_TOKEN.matcher(path);
        return m != null && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
