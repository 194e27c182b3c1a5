package io.dashshare.domain.tenant;

import java.util.Locale;
import java.util.Optional;

/** An owner is invited until they set a password, then active; a disabled owner's tokens are refused. */
public enum OwnerStatus {
    INVITED, ACTIVE, DISABLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OwnerStatus> fromWire(String wire) {
        for (OwnerStatus status : values()) {
            if (status.wire().equals(wire)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
