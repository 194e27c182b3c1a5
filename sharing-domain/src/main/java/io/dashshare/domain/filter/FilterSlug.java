package io.dashshare.domain.filter;

import io.dashshare.domain.common.Slugs;

/** A filter's slug; it is also the SQL parameter name ({@code :slug}) widgets use. */
public record FilterSlug(String value) {

    /** Reserved for the options endpoint's search term. */
    public static final String SEARCH = "search";

    public FilterSlug {
        Slugs.require(Slugs.IDENTIFIER, value, "filter slug");
        if (SEARCH.equals(value)) {
            throw new IllegalArgumentException("'search' is reserved for the options search term");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
