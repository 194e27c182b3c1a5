package io.dashshare.domain.share;

import java.util.Locale;
import java.util.Optional;

/** The guide's {@code share_type}; a link is the only kind so far, with or without a context. */
public enum ShareType {
    LINK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ShareType> fromWire(String wire) {
        return "link".equals(wire) ? Optional.of(LINK) : Optional.empty();
    }
}
