package io.dashshare.adapter.http.viewer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.application.port.in.PortalTokens;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** {@code share-auth/verify} and {@code refresh}: the guide's token answer with the person's contexts. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PortalTokensView(String accessToken, String refreshToken, String tokenType, long expiresIn,
                               List<ContextSummary> contexts) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ContextSummary(String id, String name, String description) {
    }

    public static PortalTokensView from(PortalTokens tokens) {
        return new PortalTokensView(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresInSeconds(),
                tokens.contexts().stream().map(c -> new ContextSummary(c.id().toString(), c.name(), c.description()))
                        .toList());
    }

    @Override
    public String toString() {
        return "PortalTokensView[redacted]";
    }
}
