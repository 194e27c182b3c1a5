package io.dashshare.adapter.http.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.application.port.in.OptionsAnswer;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** The options endpoint's answer, exactly the integration guide's shape: {@code {filter_slug, options, source}}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OptionsView(String filterSlug, List<OptionView> options, String source) {

    public static OptionsView from(OptionsAnswer answer) {
        return new OptionsView(answer.filterSlug(), OptionView.from(answer.options()), answer.source().wire());
    }
}
