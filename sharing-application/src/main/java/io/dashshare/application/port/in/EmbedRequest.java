package io.dashshare.application.port.in;

import io.dashshare.domain.filter.RawValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /api/v1/embed/dashboards/:id}: what the embed may and must take, and for how long. */
public record EmbedRequest(List<String> allowedParams, List<String> requiredParams, Map<String, RawValue> fixedParams,
                           Optional<Long> expiresInSeconds) {

    public EmbedRequest {
        allowedParams = allowedParams == null ? List.of() : List.copyOf(allowedParams);
        requiredParams = requiredParams == null ? List.of() : List.copyOf(requiredParams);
        fixedParams = fixedParams == null ? Map.of() : Map.copyOf(fixedParams);
    }
}
