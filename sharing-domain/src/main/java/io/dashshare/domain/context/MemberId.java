package io.dashshare.domain.context;

import java.util.Objects;
import java.util.UUID;

public record MemberId(UUID value) {

    public MemberId {
        Objects.requireNonNull(value, "MemberId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
