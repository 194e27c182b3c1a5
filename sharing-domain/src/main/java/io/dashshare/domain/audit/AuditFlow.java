package io.dashshare.domain.audit;

import java.util.Locale;
import java.util.Optional;

/** The way in that made an event (docs/api.md, audit log). */
public enum AuditFlow {
    PUBLIC, PORTAL, EMBED, OWNER, OPERATOR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditFlow> fromWire(String wire) {
        for (AuditFlow flow : values()) {
            if (flow.wire().equals(wire)) {
                return Optional.of(flow);
            }
        }
        return Optional.empty();
    }
}
