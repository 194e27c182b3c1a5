package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.json.JsonBody;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code POST /api/v1/share-auth/refresh}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RefreshBody(String refreshToken) implements JsonBody {
}
