package io.dashshare.domain.tenant;

import java.util.Locale;
import java.util.Optional;

/** A suspended company answers nothing: its shares, embed tokens, sessions and owners are refused (docs/api.md, operator). */
public enum CompanyStatus {
    ACTIVE, SUSPENDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CompanyStatus> fromWire(String wire) {
        for (CompanyStatus status : values()) {
            if (status.wire().equals(wire)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
