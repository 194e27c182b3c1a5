package io.dashshare.inmemory;

import io.dashshare.domain.port.OwnerInviteRepository;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.OwnerInvite;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Owner invites in memory, by the hash of their token. */
public final class InMemoryOwnerInviteRepository implements OwnerInviteRepository {

    private final InMemoryStore store;
    private final Map<TokenHash, OwnerInvite> rows;

    InMemoryOwnerInviteRepository(InMemoryStore store) {
        this.store = store;
        this.rows = store.table();
    }

    @Override
    public void replace(OwnerInvite invite) {
        synchronized (store) {
            rows.values().removeIf(i -> i.ownerId().equals(invite.ownerId()));
            rows.put(invite.hash(), invite);
        }
    }

    /** The cascade of an owner's removal, as the database's foreign key does it. */
    void deleteOf(OwnerId owner) {
        synchronized (store) {
            rows.values().removeIf(i -> i.ownerId().equals(owner));
        }
    }

    @Override
    public Optional<OwnerInvite> find(TokenHash hash) {
        synchronized (store) {
            return Optional.ofNullable(rows.get(hash));
        }
    }

    @Override
    public Optional<OwnerInvite> consume(TokenHash hash, Instant now) {
        synchronized (store) {
            OwnerInvite invite = rows.get(hash);
            if (invite == null || invite.usedAt().isPresent() || !now.isBefore(invite.expiresAt())) {
                return Optional.empty();
            }
            OwnerInvite used = new OwnerInvite(invite.hash(), invite.ownerId(), invite.companyId(), invite.createdAt(),
                    invite.expiresAt(), Optional.of(now));
            rows.put(hash, used);
            return Optional.of(used);
        }
    }
}
