package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.application.port.in.CreatedEmbedKey;
import io.dashshare.application.port.in.IssuedEmbedToken;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.embed.EmbedKey;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;

/** The answers of the embed routes (docs/embedding.md). */
final class EmbedViews {

    static final String ALGORITHM = "HS256";

    private EmbedViews() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Issued(String token, String embedUrl, Instant expiresAt) {

        static Issued from(IssuedEmbedToken issued) {
            return new Issued(issued.token(), issued.embedUrl(), issued.expiresAt());
        }

        @Override
        public String toString() {
            return "Issued[redacted]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TokensRevoked(String dashboardId, @io.micronaut.core.annotation.Nullable Instant embedTokensNotBefore) {

        static TokensRevoked from(Dashboard dashboard) {
            return new TokensRevoked(dashboard.id().toString(), dashboard.embedTokensNotBefore().orElse(null));
        }
    }

    /** A key as listed: never its secret. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Key(String kid, String algorithm, Instant createdAt, @io.micronaut.core.annotation.Nullable Instant retiredAt, boolean active) {

        static Key from(EmbedKey key) {
            return new Key(key.id().value(), ALGORITHM, key.createdAt(), key.retiredAt().orElse(null), key.isActive());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Keys(List<Key> keys) {
    }

    /** The one answer that shows a key's secret. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CreatedKey(String kid, String secret, String algorithm, Instant createdAt) {

        static CreatedKey from(CreatedEmbedKey created) {
            return new CreatedKey(created.key().id().value(), created.secret(), ALGORITHM, created.key().createdAt());
        }

        @Override
        public String toString() {
            return "CreatedKey[" + kid + ", secret=redacted]";
        }
    }
}
