package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.adapter.http.json.StorableText;
import io.dashshare.application.port.in.EmbedRequest;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.RawValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The request bodies of the embed routes (docs/embedding.md). */
final class EmbedBodies {

    private EmbedBodies() {
    }

    /** {@code POST /api/v1/embed/dashboards/{id}}: the guide's body; every member optional. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Mint(Optional<List<String>> allowedParams, Optional<List<String>> requiredParams,
                Optional<Map<String, RawValue>> fixedParams, Optional<Long> expiresIn, Optional<Boolean> downloads)
            implements JsonBody {

        static final Mint NONE = new Mint(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        EmbedRequest toCommand() {
            Map<FilterSlug, RawValue> fixed = new LinkedHashMap<>();
            fixedParams.orElse(Map.of()).forEach((slug, value) -> fixed.put(
                    InvalidValueException.named("fixed_params." + StorableText.printable(slug), () -> new FilterSlug(slug)), value));
            return new EmbedRequest(slugs("allowed_params", allowedParams), slugs("required_params", requiredParams),
                    fixed, expiresIn.map(Duration::ofSeconds), downloads.orElse(false));
        }

        private static List<FilterSlug> slugs(String field, Optional<List<String>> raw) {
            List<String> items = raw.orElse(List.of());
            List<FilterSlug> slugs = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i);
                slugs.add(InvalidValueException.named(field + "[" + i + "]", () -> new FilterSlug(item)));
            }
            return slugs;
        }
    }

    /** {@code POST /api/v1/embed/dashboards/{id}/revoke-tokens}: the cutoff, default now. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Revoke(Optional<Instant> issuedBefore) implements JsonBody {
    }
}
