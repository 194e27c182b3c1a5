package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.json.JsonBody;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Optional;

/**
 * {@code POST /api/v1/share-auth/logout}: optional, beside or instead of the bearer access token;
 * {@code "everywhere": true} ends every session of that person at that company.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record LogoutBody(Optional<String> refreshToken, Optional<Boolean> everywhere) implements JsonBody {

    public boolean signOutEverywhere() {
        return everywhere.orElse(false);
    }
}
