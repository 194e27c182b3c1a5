package io.dashshare.application.port.in;

import java.time.Instant;

public record IssuedEmbedToken(String token, String embedUrl, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedEmbedToken[redacted, expiresAt=" + expiresAt + "]";
    }
}
