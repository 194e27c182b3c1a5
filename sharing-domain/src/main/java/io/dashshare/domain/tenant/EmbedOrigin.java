package io.dashshare.domain.tenant;

import java.net.URI;
import java.util.Locale;

/**
 * An exact web origin ({@code scheme://host[:port]}) allowed to frame embeds and call the embed API
 * cross-origin. Never a wildcard and never {@code null}: those are what attacks send.
 */
public record EmbedOrigin(String value) {

    public EmbedOrigin {
        if (value == null || value.length() > 255) {
            throw new IllegalArgumentException("origin must be scheme://host[:port]");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (Exception e) {
            throw new IllegalArgumentException("origin must be scheme://host[:port]");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean shaped = (scheme.equals("https") || scheme.equals("http"))
                && uri.getHost() != null && !uri.getHost().contains("*")
                && uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        if (!shaped) {
            throw new IllegalArgumentException("origin must be scheme://host[:port] without path, wildcard or credentials");
        }
        value = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    @Override
    public String toString() {
        return value;
    }
}
