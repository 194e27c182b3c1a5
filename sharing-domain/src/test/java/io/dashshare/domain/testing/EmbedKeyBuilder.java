package io.dashshare.domain.testing;

import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.tenant.CompanyId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** Test builder for embed signing keys: a random kid and a random 256-bit secret. */
public final class EmbedKeyBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbedKeyId id = new EmbedKeyId("k" + UUID.randomUUID().toString().replace("-", "").substring(0, 15));
    private CompanyId companyId = new CompanyId(UUID.randomUUID());
    private byte[] secret = randomSecret();
    private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");

    private EmbedKeyBuilder() {
    }

    public static EmbedKeyBuilder anEmbedKey() {
        return new EmbedKeyBuilder();
    }

    private static byte[] randomSecret() {
        byte[] bytes = new byte[EmbedKey.MIN_SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public EmbedKeyBuilder withId(String kid) {
        this.id = new EmbedKeyId(kid);
        return this;
    }

    public EmbedKeyBuilder inCompany(CompanyId value) {
        this.companyId = value;
        return this;
    }

    public EmbedKeyBuilder withSecret(byte[] value) {
        this.secret = value.clone();
        return this;
    }

    public EmbedKeyBuilder createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    public EmbedKey build() {
        return EmbedKey.create(id, companyId, secret, createdAt);
    }
}
