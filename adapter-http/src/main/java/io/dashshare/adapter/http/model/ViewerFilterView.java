package io.dashshare.adapter.http.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dashshare.domain.filter.FilterOptions;
import io.dashshare.domain.filter.OptionsSource;
import io.dashshare.domain.filter.ViewerFilter;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * A filter a viewer may use, with its effective mode (docs/filters.md, visible filters):
 * {@code default} is the value used when the viewer sends none, {@code allowed_values} the choices
 * left by a selectable or fixed rule, {@code options} the static options of a free select.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ViewerFilterView(String slug, String label, String kind, boolean required, String mode,
                               @JsonProperty("default") @io.micronaut.core.annotation.Nullable @io.swagger.v3.oas.annotations.media.Schema(implementation = io.dashshare.adapter.http.openapi.AnyValue.class) Object defaultValue, List<OptionView> allowedValues,
                               @io.micronaut.core.annotation.Nullable String optionsSource, List<OptionView> options) {

    public static ViewerFilterView from(ViewerFilter filter) {
        boolean free = filter.mode() == ViewerFilter.ViewerMode.FREE;
        List<OptionView> staticOptions = free && filter.definition().options().orElse(null) instanceof FilterOptions.Static list
                ? OptionView.from(list.values()) : List.of();
        return new ViewerFilterView(filter.definition().slug().value(), filter.definition().label(),
                filter.definition().kind().wire(), filter.required(), filter.mode().wire(),
                filter.effectiveDefault().map(v -> v.toRaw().toPlain()).orElse(null),
                free ? List.of() : OptionView.from(filter.allowedValues()),
                filter.optionsSource().map(OptionsSource::wire).orElse(null), staticOptions);
    }
}
