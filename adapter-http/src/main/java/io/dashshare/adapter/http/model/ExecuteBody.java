package io.dashshare.adapter.http.model;

import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.domain.filter.RawValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;
import java.util.Optional;

/** {@code {"parameters": {...}}}: each value exactly as sent, typed later by its filter. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ExecuteBody(Optional<Map<String, RawValue>> parameters) implements JsonBody {

    public Map<String, RawValue> values() {
        return parameters.orElse(Map.of());
    }
}
