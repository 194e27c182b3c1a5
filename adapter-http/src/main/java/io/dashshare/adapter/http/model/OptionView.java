package io.dashshare.adapter.http.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.filter.FilterOption;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** One choice of a select filter, {@code {label, value}}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OptionView(String label, String value) {

    public static OptionView from(FilterOption option) {
        return new OptionView(option.label(), option.value());
    }

    public static List<OptionView> from(List<FilterOption> options) {
        return options.stream().map(OptionView::from).toList();
    }
}
