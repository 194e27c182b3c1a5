package io.dashshare.domain.context;

import java.util.Arrays;
import java.util.Optional;

/** How a member names who it admits: one address, or every address at one domain. */
public enum MemberType {
    EXTERNAL_EMAIL("external_email"),
    EMAIL_DOMAIN("email_domain");

    private final String wire;

    MemberType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<MemberType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
