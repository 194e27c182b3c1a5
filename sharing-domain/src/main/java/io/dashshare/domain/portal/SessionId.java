package io.dashshare.domain.portal;

import java.util.Objects;
import java.util.UUID;

public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "SessionId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
