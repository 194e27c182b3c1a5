package io.dashshare.domain.mail;

import java.util.Arrays;
import java.util.Optional;

/** What a queued mail announces; the sender renders each kind with its own template. */
public enum MailKind {
    ONE_TIME_CODE("one_time_code"),
    /** An invite link of a new owner (docs/api.md, owners). */
    OWNER_INVITE("owner_invite");

    private final String wire;

    MailKind(String wire) {
        this.wire = wire;
    }

    /** The stored name, also the {@code kind} tag of the mail metrics. */
    public String wire() {
        return wire;
    }

    public static Optional<MailKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }
}
