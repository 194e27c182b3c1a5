package io.dashshare.domain.tenant;

import io.dashshare.domain.common.Slugs;
import io.dashshare.domain.error.InvalidValueException;

public record CompanySlug(String value) {

    public CompanySlug {
        Slugs.require(Slugs.COMPANY, value, "slug");
    }

    /** Parses a field of a request, refusing a wrong shape as {@link InvalidValueException} naming the field. */
    public static CompanySlug parseField(String field, String raw) {
        return InvalidValueException.named(field, () -> new CompanySlug(raw));
    }

    @Override
    public String toString() {
        return value;
    }
}
