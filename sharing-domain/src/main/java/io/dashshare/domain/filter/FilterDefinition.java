package io.dashshare.domain.filter;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.common.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter of a dashboard. Select kinds carry options; the others never do. A default must fit
 * the kind, and a static select's default must be one of its options.
 */
public record FilterDefinition(FilterSlug slug, String label, FilterKind kind, boolean required,
                               Optional<FilterValue> defaultValue, Optional<FilterOptions> options) {

    public FilterDefinition {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(kind, "kind");
        label = label == null || label.isBlank() ? slug.value() : Text.requireOptional(label, 200, "label");
        defaultValue = defaultValue == null ? Optional.empty() : defaultValue;
        options = options == null ? Optional.empty() : options;
        if (kind.hasOptions() && options.isEmpty()) {
            throw new InvalidValueException("options", "is required for " + kind.wire() + " filters (static or dynamic)");
        }
        if (!kind.hasOptions() && options.isPresent()) {
            throw new InvalidValueException("options", "is only for select and multi_select filters");
        }
        if (defaultValue.isPresent()) {
            FilterValue value = defaultValue.get();
            if (!kind.accepts(value)) {
                throw new InvalidValueException("default", "does not fit kind " + kind.wire());
            }
            // The compact constructor runs before the fields are assigned: check the parameter.
            if (!offered(options, value)) {
                throw new InvalidValueException("default", "must be one of the static options");
            }
        }
    }

    /** True unless a static option list exists and some element of the value is not in it. */
    public boolean isOffered(FilterValue value) {
        return offered(options, value);
    }

    private static boolean offered(Optional<FilterOptions> options, FilterValue value) {
        if (options.orElse(null) instanceof FilterOptions.Static list) {
            return value.elements().stream().allMatch(list::contains);
        }
        return true;
    }

    /** The display label of one element, from static options where there are any. */
    public String labelOf(String element) {
        if (options.orElse(null) instanceof FilterOptions.Static list) {
            return list.find(element).map(FilterOption::label).orElse(element);
        }
        return element;
    }
}
