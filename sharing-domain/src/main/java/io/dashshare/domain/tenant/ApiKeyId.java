package io.dashshare.domain.tenant;

import java.util.Objects;
import java.util.UUID;

public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Objects.requireNonNull(value, "ApiKeyId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
