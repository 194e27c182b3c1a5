package io.dashshare.domain.dashboard;

import io.dashshare.domain.common.Slugs;

public record WidgetSlug(String value) {

    public WidgetSlug {
        Slugs.require(Slugs.SLUG, value, "slug");
    }

    @Override
    public String toString() {
        return value;
    }
}
