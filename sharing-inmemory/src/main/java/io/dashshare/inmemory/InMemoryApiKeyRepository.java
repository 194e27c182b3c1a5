package io.dashshare.inmemory;

import io.dashshare.domain.port.ApiKeyRepository;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API keys in memory, found by the hash of the key. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

    private final InMemoryStore store;
    private final Map<ApiKeyId, ApiKey> rows;

    InMemoryApiKeyRepository(InMemoryStore store) {
        this.store = store;
        this.rows = store.table();
    }

    @Override
    public void save(ApiKey key) {
        synchronized (store) {
            ApiKey stored = rows.get(key.id());
            if (stored == null) {
                rows.put(key.id(), key);
            } else if (stored.companyId().equals(key.companyId())) {
                // As the database adapter: only the name and the revocation change; uses are touch's.
                rows.put(key.id(), new ApiKey(stored.id(), stored.companyId(), key.name(), stored.role(), stored.hash(),
                        stored.prefix(), stored.createdAt(), stored.expiresAt(), stored.lastUsedAt(), key.revokedAt()));
            }
        }
    }

    @Override
    public Optional<ApiKey> findByHash(TokenHash hash) {
        synchronized (store) {
            return rows.values().stream().filter(k -> k.hash().equals(hash)).findFirst();
        }
    }

    @Override
    public Optional<ApiKey> find(CompanyId company, ApiKeyId id) {
        synchronized (store) {
            return Optional.ofNullable(rows.get(id)).filter(k -> k.companyId().equals(company));
        }
    }

    @Override
    public List<ApiKey> list(CompanyId company) {
        synchronized (store) {
            return rows.values().stream().filter(k -> k.companyId().equals(company))
                    .sorted(Comparator.comparing(ApiKey::createdAt)).toList();
        }
    }

    @Override
    public void touch(ApiKeyId id, Instant usedAt) {
        synchronized (store) {
            ApiKey key = rows.get(id);
            if (key != null && key.lastUsedAt().filter(last -> !last.isBefore(usedAt)).isEmpty()) {
                rows.put(id, new ApiKey(key.id(), key.companyId(), key.name(), key.role(), key.hash(), key.prefix(),
                        key.createdAt(), key.expiresAt(), Optional.of(usedAt), key.revokedAt()));
            }
        }
    }
}
