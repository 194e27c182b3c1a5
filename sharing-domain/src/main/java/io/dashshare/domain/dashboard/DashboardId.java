package io.dashshare.domain.dashboard;

import java.util.Objects;
import java.util.UUID;

public record DashboardId(UUID value) {

    public DashboardId {
        Objects.requireNonNull(value, "DashboardId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
