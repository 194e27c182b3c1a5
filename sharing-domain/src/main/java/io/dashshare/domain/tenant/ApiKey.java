package io.dashshare.domain.tenant;

import io.dashshare.domain.common.Text;
import io.dashshare.domain.secret.TokenHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential of a company's backend (minting embed tokens, creating shares from CI) with a role
 * of its own. Only the key's hash is stored; {@code prefix} (its first 12 characters) lets an
 * admin recognise it in a list (docs/tokens.md, API keys).
 */
public record ApiKey(ApiKeyId id, CompanyId companyId, String name, Role role, TokenHash hash, String prefix,
                     Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> lastUsedAt,
                     Optional<Instant> revokedAt) {

    public static final String KEY_PREFIX = "dsk_";
    public static final int PREFIX_LENGTH = 12;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        name = Text.requireName(name, 200, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
        lastUsedAt = lastUsedAt == null ? Optional.empty() : lastUsedAt;
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }

    public boolean isUsable(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    public ApiKey revoke(Instant now) {
        return new ApiKey(id, companyId, name, role, hash, prefix, createdAt, expiresAt, lastUsedAt,
                Optional.of(revokedAt.orElse(now)));
    }
}
