package io.dashshare.inmemory;

import io.dashshare.domain.port.OwnerTokenRevocations;
import java.time.Instant;
import java.util.Map;

/** Revoked owner token ids in memory. */
public final class InMemoryOwnerTokenRevocations implements OwnerTokenRevocations {

    private final InMemoryStore store;
    private final Map<String, Instant> rows;

    InMemoryOwnerTokenRevocations(InMemoryStore store) {
        this.store = store;
        this.rows = store.table();
    }

    @Override
    public void revoke(String jti, Instant tokenExpiresAt) {
        synchronized (store) {
            rows.put(jti, tokenExpiresAt);
        }
    }

    @Override
    public boolean isRevoked(String jti) {
        synchronized (store) {
            return rows.containsKey(jti);
        }
    }
}
