package io.dashshare.domain.filter;

import java.util.List;
import java.util.Optional;

/**
 * A filter as a viewer sees it on resolve/info: its definition, what the viewer may do with it,
 * the choices left to them (for selectable and fixed rules) and the value used when omitted.
 */
public record ViewerFilter(FilterDefinition definition, ViewerMode mode, List<FilterOption> allowedValues,
                           Optional<FilterValue> effectiveDefault, Optional<OptionsSource> optionsSource,
                           boolean required) {

    public ViewerFilter {
        allowedValues = List.copyOf(allowedValues);
    }

    public enum ViewerMode {
        FREE, SELECTABLE, FIXED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
