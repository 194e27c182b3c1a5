package io.dashshare.domain.dashboard;

import io.dashshare.domain.common.Slugs;

public record DashboardSlug(String value) {

    public DashboardSlug {
        Slugs.require(Slugs.SLUG, value, "slug");
    }

    @Override
    public String toString() {
        return value;
    }
}
