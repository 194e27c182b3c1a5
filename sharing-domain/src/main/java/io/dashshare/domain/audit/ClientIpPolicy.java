package io.dashshare.domain.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * What the audit log keeps of a client address ({@code SHARING_AUDIT_CLIENT_IP}, docs/api.md):
 * {@code truncated} (default: IPv4 to its /24, IPv6 to its /48), {@code full} or {@code none}.
 */
public enum ClientIpPolicy {
    TRUNCATED, FULL, NONE;

    public static Optional<ClientIpPolicy> fromSetting(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
