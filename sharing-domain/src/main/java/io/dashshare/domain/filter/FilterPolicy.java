package io.dashshare.domain.filter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A share's restriction of one filter. {@code allowedValues} are single elements typed by the
 * filter's kind (for a multi_select, each a text value); {@code value} is a whole typed value.
 */
public record FilterPolicy(FilterSlug filterSlug, FilterKind filterKind, PolicyMode mode,
                           List<FilterValue> allowedValues, Optional<FilterValue> value) {

    public FilterPolicy {
        Objects.requireNonNull(filterSlug, "filter_slug");
        Objects.requireNonNull(filterKind, "filter_kind");
        Objects.requireNonNull(mode, "mode");
        allowedValues = List.copyOf(new LinkedHashSet<>(allowedValues == null ? List.of() : allowedValues));
        value = value == null ? Optional.empty() : value;
        switch (mode) {
            case SELECTABLE -> {
                if (allowedValues.isEmpty()) {
                    throw new IllegalArgumentException("a selectable policy needs allowed_values");
                }
                if (value.isPresent()) {
                    throw new IllegalArgumentException("value belongs to fixed policies only");
                }
            }
            case FIXED -> {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("a fixed policy needs a value");
                }
                if (!allowedValues.isEmpty()) {
                    throw new IllegalArgumentException("allowed_values belongs to selectable policies only");
                }
                if (!filterKind.accepts(value.get())) {
                    throw new IllegalArgumentException("value does not fit kind " + filterKind.wire());
                }
            }
            case DISABLED -> {
                if (value.isPresent() || !allowedValues.isEmpty()) {
                    throw new IllegalArgumentException("a disabled policy takes neither value nor allowed_values");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Builds a policy from what an owner sent, checked against the dashboard's filter: kinds must
     * match and a static filter's options bound both allowed values and a fixed value.
     */
    public static FilterPolicy of(FilterDefinition filter, FilterKind declaredKind, PolicyMode mode,
                                  List<RawValue> allowedValues, RawValue value) {
        if (declaredKind != filter.kind()) {
            throw new IllegalArgumentException("filter_kind " + declaredKind.wire() + " does not match filter '"
                    + filter.slug() + "' of kind " + filter.kind().wire());
        }
        List<FilterValue> allowed = new ArrayList<>();
        for (RawValue raw : allowedValues == null ? List.<RawValue>of() : allowedValues) {
            FilterValue element = parse(() -> filter.kind().parseElement(raw), "allowed_values");
            if (!filter.isOffered(element)) {
                throw new IllegalArgumentException("allowed value '" + element.elements().get(0)
                        + "' is not an option of filter '" + filter.slug() + "'");
            }
            allowed.add(element);
        }
        Optional<FilterValue> fixed = Optional.empty();
        if (value != null && !(value instanceof RawValue.Null)) {
            FilterValue typed = parse(() -> filter.kind().parse(value), "value");
            if (!filter.isOffered(typed)) {
                throw new IllegalArgumentException("value is not an option of filter '" + filter.slug() + "'");
            }
            fixed = Optional.of(typed);
        }
        return new FilterPolicy(filter.slug(), filter.kind(), mode, allowed, fixed);
    }

    private static FilterValue parse(java.util.function.Supplier<FilterValue> parse, String field) {
        try {
            return parse.get();
        } catch (FilterKind.InvalidValueException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    public boolean allows(String element) {
        return allowedValues.stream().anyMatch(v -> v.elements().get(0).equals(element));
    }
}
