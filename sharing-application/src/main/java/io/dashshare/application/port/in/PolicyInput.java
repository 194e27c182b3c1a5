package io.dashshare.application.port.in;

import io.dashshare.domain.filter.RawValue;
import java.util.List;

/** One {@code share_filter_policies} entry as the owner sent it; checked against the dashboard by the use case. */
public record PolicyInput(String filterSlug, String filterKind, String mode, List<RawValue> allowedValues,
                          RawValue value) {

    public PolicyInput {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }
}
