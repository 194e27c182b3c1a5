package io.dashshare.domain.filter;

import java.util.Locale;
import java.util.Optional;

/** How a share restricts one filter. */
public enum PolicyMode {
    SELECTABLE, FIXED, DISABLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PolicyMode> fromWire(String wire) {
        for (PolicyMode mode : values()) {
            if (mode.wire().equals(wire)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
