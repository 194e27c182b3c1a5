package io.dashshare.domain.tenant;

import io.dashshare.domain.secret.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The single-use link that lets an invited owner set a password (docs/tokens.md, invites). */
public record OwnerInvite(TokenHash hash, OwnerId ownerId, CompanyId companyId, Instant createdAt, Instant expiresAt,
                          Optional<Instant> usedAt) {

    public static final Duration VALIDITY = Duration.ofDays(7);

    public OwnerInvite {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        usedAt = usedAt == null ? Optional.empty() : usedAt;
    }

    public static OwnerInvite create(TokenHash hash, OwnerId owner, CompanyId company, Instant now) {
        return new OwnerInvite(hash, owner, company, now, now.plus(VALIDITY), Optional.empty());
    }
}
