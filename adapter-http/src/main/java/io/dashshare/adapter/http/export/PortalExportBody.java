package io.dashshare.adapter.http.export;

import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.domain.filter.RawValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;
import java.util.Optional;

/** The portal's export: its execute body ({@code context_id}, {@code parameters}) and the format. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PortalExportBody(Optional<String> contextId, Optional<Map<String, RawValue>> parameters,
                               Optional<String> format) implements JsonBody {

    public PortalExportBody {
        Downloads.requireCsv(format);
    }

    public Map<String, RawValue> values() {
        return parameters.orElse(Map.of());
    }
}
