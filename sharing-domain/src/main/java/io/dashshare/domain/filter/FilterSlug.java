package io.dashshare.domain.filter;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.common.Slugs;

/** A filter's slug; it is also the SQL parameter name ({@code :slug}) widgets use. */
public record FilterSlug(String value) {

    /** Reserved for the options endpoint's search term. */
    public static final String SEARCH = "search";

    public FilterSlug {
        Slugs.require(Slugs.IDENTIFIER, value, "slug");
        if (SEARCH.equals(value)) {
            throw new InvalidValueException("slug", "must not be 'search', the options search term");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
