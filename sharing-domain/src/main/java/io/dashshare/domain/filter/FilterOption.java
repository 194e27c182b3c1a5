package io.dashshare.domain.filter;

import io.dashshare.domain.common.Text;
import java.util.Locale;

/** One choice of a select filter. */
public record FilterOption(String label, String value) {

    public FilterOption {
        Text.requireName(value, FilterKind.MAX_TEXT_LENGTH, "value");
        label = label == null || label.isBlank() ? value : Text.requireOptional(label, FilterKind.MAX_TEXT_LENGTH, "label");
    }

    /** Case-insensitive containment on label or value: how {@code search} narrows listed options. */
    public boolean matches(String search) {
        if (search == null || search.isEmpty()) {
            return true;
        }
        String needle = search.toLowerCase(Locale.ROOT);
        return label.toLowerCase(Locale.ROOT).contains(needle) || value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
