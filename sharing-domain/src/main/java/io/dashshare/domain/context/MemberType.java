package io.dashshare.domain.context;

import java.util.Optional;

public enum MemberType {
    EXTERNAL_EMAIL;

    public String wire() {
        return "external_email";
    }

    public static Optional<MemberType> fromWire(String wire) {
        return "external_email".equals(wire) ? Optional.of(EXTERNAL_EMAIL) : Optional.empty();
    }
}
