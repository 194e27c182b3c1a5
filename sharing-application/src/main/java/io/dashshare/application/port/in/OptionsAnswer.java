package io.dashshare.application.port.in;

import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.OptionsSource;
import java.util.List;

/** The options endpoint's answer: {@code {filter_slug, options[{label,value}], source}}. */
public record OptionsAnswer(String filterSlug, List<FilterOption> options, OptionsSource source) {

    public OptionsAnswer {
        options = List.copyOf(options);
    }
}
