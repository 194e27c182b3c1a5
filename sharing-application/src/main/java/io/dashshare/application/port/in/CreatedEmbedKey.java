package io.dashshare.application.port.in;

import io.dashshare.domain.embed.EmbedKey;

/** A new key with its secret (base64url), shown once so a customer's backend can sign tokens itself. */
public record CreatedEmbedKey(EmbedKey key, String secret) {

    @Override
    public String toString() {
        return "CreatedEmbedKey[" + key.id() + ", secret=redacted]";
    }
}
