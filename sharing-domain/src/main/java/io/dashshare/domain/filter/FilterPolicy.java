package io.dashshare.domain.filter;

import io.dashshare.domain.error.InvalidValueException;
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
                    throw new InvalidValueException("allowed_values", "is required for a selectable policy");
                }
                if (value.isPresent()) {
                    throw new InvalidValueException("value", "belongs to fixed policies only");
                }
            }
            case FIXED -> {
                if (value.isEmpty()) {
                    throw new InvalidValueException("value", "is required for a fixed policy");
                }
                if (!allowedValues.isEmpty()) {
                    throw new InvalidValueException("allowed_values", "belongs to selectable policies only");
                }
                if (!filterKind.accepts(value.get())) {
                    throw new InvalidValueException("value", "does not fit kind " + filterKind.wire());
                }
            }
            case DISABLED -> {
                if (value.isPresent() || !allowedValues.isEmpty()) {
                    throw new InvalidValueException(value.isPresent() ? "value" : "allowed_values",
                            "does not belong to a disabled policy");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Builds a policy from what an owner wrote, checked against the dashboard's filter: kinds must
     * match and a static filter's options bound both allowed values and a fixed value. Refusals
     * name the member of the draft ({@code filter_kind}, {@code allowed_values[1]}, {@code value}).
     */
    public static FilterPolicy of(FilterDefinition filter, PolicyDraft draft) {
        FilterKind declaredKind = draft.filterKind().orElse(filter.kind());
        if (declaredKind != filter.kind()) {
            throw new InvalidValueException("filter_kind", declaredKind.wire() + " does not match filter '"
                    + filter.slug() + "' of kind " + filter.kind().wire());
        }
        List<FilterValue> allowed = new ArrayList<>();
        List<RawValue> raws = draft.allowedValues();
        for (int i = 0; i < raws.size(); i++) {
            RawValue raw = raws.get(i);
            String field = "allowed_values[" + i + "]";
            FilterValue element = parse(() -> filter.kind().parseElement(raw), field);
            if (!filter.isOffered(element)) {
                throw new InvalidValueException(field, "'" + element.elements().get(0)
                        + "' is not an option of filter '" + filter.slug() + "'");
            }
            allowed.add(element);
        }
        Optional<FilterValue> fixed = Optional.empty();
        if (draft.value().isPresent() && !(draft.value().get() instanceof RawValue.Null)) {
            RawValue value = draft.value().get();
            FilterValue typed = parse(() -> filter.kind().parse(value), "value");
            if (!filter.isOffered(typed)) {
                throw new InvalidValueException("value", "is not an option of filter '" + filter.slug() + "'");
            }
            fixed = Optional.of(typed);
        }
        return new FilterPolicy(filter.slug(), filter.kind(), draft.mode(), allowed, fixed);
    }

    private static FilterValue parse(java.util.function.Supplier<FilterValue> parse, String field) {
        try {
            return parse.get();
        } catch (FilterKind.UnfitValueException e) {
            throw new InvalidValueException(field, e.getMessage());
        }
    }

    public boolean allows(String element) {
        return allowedValues.stream().anyMatch(v -> v.elements().get(0).equals(element));
    }
}
