package io.dashshare.domain.context;

import java.util.Objects;
import java.util.UUID;

public record ShareContextId(UUID value) {

    public ShareContextId {
        Objects.requireNonNull(value, "ShareContextId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
