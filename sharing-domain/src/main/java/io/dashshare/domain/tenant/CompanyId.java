package io.dashshare.domain.tenant;

import java.util.Objects;
import java.util.UUID;

public record CompanyId(UUID value) {

    public CompanyId {
        Objects.requireNonNull(value, "CompanyId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
