package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.json.JsonBody;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code POST /api/v1/share-auth/verify}: the code with or without its dash. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record VerifyCodeBody(String companySlug, String email, String code) implements JsonBody {
}
