package io.dashshare.adapter.http.export;

import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.domain.filter.RawValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;
import java.util.Optional;

/** {@code {"parameters": {...}, "format": "csv"}}: execute's parameters, and the one format. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ExportBody(Optional<Map<String, RawValue>> parameters, Optional<String> format) implements JsonBody {

    public ExportBody {
        Downloads.requireCsv(format);
    }

    public Map<String, RawValue> values() {
        return parameters.orElse(Map.of());
    }
}
