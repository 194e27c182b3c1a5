package io.dashshare.domain.share;

import java.util.Objects;
import java.util.UUID;

public record ShareId(UUID value) {

    public ShareId {
        Objects.requireNonNull(value, "ShareId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
