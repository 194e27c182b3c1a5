package io.dashshare.domain.dashboard;

import java.util.Locale;
import java.util.Optional;

public enum Visualization {
    NUMBER, TABLE, BAR, LINE, PIE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visualization> fromWire(String wire) {
        for (Visualization v : values()) {
            if (v.wire().equals(wire)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
