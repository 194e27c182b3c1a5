package io.dashshare.domain.mail;

import java.util.Objects;
import java.util.UUID;

public record OutboxMailId(UUID value) {

    public OutboxMailId {
        Objects.requireNonNull(value, "OutboxMailId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
