package io.dashshare.domain.tenant;

import io.dashshare.domain.error.InvalidValueException;
import java.net.URI;
import java.util.Locale;

/**
 * An exact web origin ({@code scheme://host[:port]}) allowed to frame embeds and call the embed API
 * cross-origin. Never a wildcard and never {@code null}: those are what attacks send.
 */
public record EmbedOrigin(String value) {

    public EmbedOrigin {
        if (value == null || value.length() > 255) {
            throw new InvalidValueException("origin", "must be scheme://host[:port]");
        }
        URI uri;
        try {
            // People paste origins with a trailing slash; browsers send them without one.
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (Exception e) {
            throw new InvalidValueException("origin", "must be scheme://host[:port]");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean shaped = (scheme.equals("https") || scheme.equals("http"))
                && uri.getHost() != null && !uri.getHost().contains("*")
                && uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null
                && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65535));
        if (!shaped) {
            throw new InvalidValueException("origin", "must be scheme://host[:port] without path, wildcard or credentials");
        }
        // A browser's Origin header never spells out the scheme's default port.
        boolean defaultPort = uri.getPort() == -1 || (scheme.equals("https") && uri.getPort() == 443)
                || (scheme.equals("http") && uri.getPort() == 80);
        value = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + uri.getPort());
    }

    @Override
    public String toString() {
        return value;
    }
}
