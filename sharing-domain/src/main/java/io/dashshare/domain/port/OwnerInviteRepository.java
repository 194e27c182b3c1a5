package io.dashshare.domain.port;

import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.OwnerInvite;
import java.time.Instant;
import java.util.Optional;

/** Owner invites, stored by the hash of the invite token only. */
public interface OwnerInviteRepository {

    /** Stores the invite and removes any earlier invite of the same owner (the latest link is the only one). */
    void replace(OwnerInvite invite);

    /** The invite stored under {@code hash}, used or not. */
    Optional<OwnerInvite> find(TokenHash hash);

    /** Atomically spends an unused, unexpired invite: exactly one caller gets it. */
    Optional<OwnerInvite> consume(TokenHash hash, Instant now);
}
