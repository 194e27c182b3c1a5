package io.dashshare.domain.tenant;

import java.util.Objects;
import java.util.UUID;

public record OwnerId(UUID value) {

    public OwnerId {
        Objects.requireNonNull(value, "OwnerId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
