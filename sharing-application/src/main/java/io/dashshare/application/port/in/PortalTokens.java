package io.dashshare.application.port.in;

import io.dashshare.domain.context.ShareContext;
import java.util.List;

/** {@code share-auth/verify} and {@code refresh}: a short-lived access token and a rotating refresh token. */
public record PortalTokens(String accessToken, String refreshToken, long expiresInSeconds,
                           List<ShareContext> contexts) {

    public PortalTokens {
        contexts = List.copyOf(contexts);
    }

    @Override
    public String toString() {
        return "PortalTokens[redacted, contexts=" + contexts.size() + "]";
    }
}
