package io.dashshare.application.port.in;

import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.RawValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/embed/dashboards/:id}: what the embed may and must take, for how long, and
 * whether it may export widgets ({@code downloads}). Order is kept so that a refusal can name
 * {@code allowed_params[2]}.
 */
public record EmbedRequest(List<FilterSlug> allowedParams, List<FilterSlug> requiredParams,
                           Map<FilterSlug, RawValue> fixedParams, Optional<Duration> expiresIn, boolean downloads) {

    /** An embed without downloads, the default. */
    public EmbedRequest(List<FilterSlug> allowedParams, List<FilterSlug> requiredParams,
                        Map<FilterSlug, RawValue> fixedParams, Optional<Duration> expiresIn) {
        this(allowedParams, requiredParams, fixedParams, expiresIn, false);
    }

    public EmbedRequest {
        allowedParams = allowedParams == null ? List.of() : List.copyOf(allowedParams);
        requiredParams = requiredParams == null ? List.of() : List.copyOf(requiredParams);
        fixedParams = fixedParams == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixedParams));
        expiresIn = expiresIn == null ? Optional.empty() : expiresIn;
    }
}
