package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.domain.filter.RawValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;
import java.util.Optional;

/** The guide's portal execute: the share context it is seen through, and the viewer's values. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PortalExecuteBody(Optional<String> contextId, Optional<Map<String, RawValue>> parameters)
        implements JsonBody {

    public Map<String, RawValue> values() {
        return parameters.orElse(Map.of());
    }
}
