package io.dashshare.domain.filter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter policy as an owner wrote it, typed as far as it can be without the dashboard: which
 * filter, the kind the owner believes it has (checked against the filter), the mode, and the raw
 * values, which only the filter can type ({@link FilterPolicy#of}).
 */
public record PolicyDraft(FilterSlug filterSlug, Optional<FilterKind> filterKind, PolicyMode mode,
                          List<RawValue> allowedValues, Optional<RawValue> value) {

    public PolicyDraft {
        Objects.requireNonNull(filterSlug, "filterSlug");
        Objects.requireNonNull(mode, "mode");
        filterKind = filterKind == null ? Optional.empty() : filterKind;
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        value = value == null ? Optional.empty() : value;
    }
}
