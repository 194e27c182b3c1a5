package io.dashshare.domain.portal;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One portal login of one email at one company: the family of its refresh tokens. Revoking it
 * (logout, refresh-token reuse, an owner ending it) stops every access token issued under it.
 * {@code lastSeenAt} is the last portal request, kept at a coarse grain ({@link #SEEN_GRAIN}).
 */
public record ShareSession(SessionId id, CompanyId companyId, EmailAddress email, Instant createdAt,
                           Instant lastSeenAt, Instant expiresAt, Optional<Instant> revokedAt) {

    /** Portal requests record the time they were seen at most this often, so reads rarely write. */
    public static final Duration SEEN_GRAIN = Duration.ofMinutes(1);

    public ShareSession {
        Objects.requireNonNull(id);
        Objects.requireNonNull(companyId);
        Objects.requireNonNull(email);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(lastSeenAt);
        Objects.requireNonNull(expiresAt);
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }

    public static ShareSession open(SessionId id, CompanyId companyId, EmailAddress email, Instant now,
                                    Duration lifetime) {
        return new ShareSession(id, companyId, email, now, now, now.plus(lifetime), Optional.empty());
    }

    public boolean isActive(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }

    /** Whether a request at {@code now} should record itself as the last one seen. */
    public boolean seenLongAgo(Instant now) {
        return !lastSeenAt.plus(SEEN_GRAIN).isAfter(now);
    }

    public ShareSession seenAt(Instant now) {
        return new ShareSession(id, companyId, email, createdAt, now, expiresAt, revokedAt);
    }

    public ShareSession revoked(Instant now) {
        return revokedAt.isPresent() ? this : new ShareSession(id, companyId, email, createdAt, lastSeenAt, expiresAt,
                Optional.of(now));
    }
}
