package io.dashshare.domain.embed;

import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A company's HS256 key for embed tokens. Several may be active at once so keys rotate without
 * breaking live embeds; a retired key verifies nothing.
 */
public final class EmbedKey {

    public static final int MIN_SECRET_BYTES = 32;

    private final EmbedKeyId id;
    private final CompanyId companyId;
    private final byte[] secret;
    private final Instant createdAt;
    private final Instant retiredAt;

    private EmbedKey(EmbedKeyId id, CompanyId companyId, byte[] secret, Instant createdAt, Instant retiredAt) {
        this.id = Objects.requireNonNull(id);
        this.companyId = Objects.requireNonNull(companyId);
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an embed key needs at least 256 bits");
        }
        this.secret = secret.clone();
        this.createdAt = Objects.requireNonNull(createdAt);
        this.retiredAt = retiredAt;
    }

    public static EmbedKey create(EmbedKeyId id, CompanyId companyId, byte[] secret, Instant now) {
        return new EmbedKey(id, companyId, secret, now, null);
    }

    /** For persistence mappers only. */
    public static EmbedKey rehydrate(EmbedKeyId id, CompanyId companyId, byte[] secret, Instant createdAt,
                                     Instant retiredAt) {
        return new EmbedKey(id, companyId, secret, createdAt, retiredAt);
    }

    public EmbedKey retire(Instant now) {
        return new EmbedKey(id, companyId, secret, createdAt, retiredAt == null ? now : retiredAt);
    }

    public boolean isActive() {
        return retiredAt == null;
    }

    public EmbedKeyId id() {
        return id;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public byte[] secret() {
        return secret.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> retiredAt() {
        return Optional.ofNullable(retiredAt);
    }

    @Override
    public String toString() {
        return "EmbedKey[" + id + ", company=" + companyId + ", secret=redacted]";
    }
}
