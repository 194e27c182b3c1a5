package io.dashshare.domain.tenant;

import io.dashshare.domain.common.Slugs;

public record CompanySlug(String value) {

    public CompanySlug {
        Slugs.require(Slugs.SLUG, value, "company slug");
    }

    @Override
    public String toString() {
        return value;
    }
}
