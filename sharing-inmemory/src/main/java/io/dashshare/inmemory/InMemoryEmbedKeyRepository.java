package io.dashshare.inmemory;

import io.dashshare.domain.port.Conflicts;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.port.EmbedKeyRepository;
import io.dashshare.domain.tenant.CompanyId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Embed keys in memory. A key's secret and creation time never change once stored; saving again
 * only moves its retirement, as in the database.
 */
public final class InMemoryEmbedKeyRepository implements EmbedKeyRepository {

    private static final Comparator<EmbedKey> ORDER =
            Comparator.comparing(EmbedKey::createdAt).thenComparing(k -> k.id().value());

    private final InMemoryStore store;
    private final Map<EmbedKeyId, EmbedKey> rows;

    InMemoryEmbedKeyRepository(InMemoryStore store) {
        this.store = store;
        this.rows = store.table();
    }

    @Override
    public void save(EmbedKey key) {
        synchronized (store) {
            EmbedKey stored = rows.get(key.id());
            if (stored == null) {
                rows.put(key.id(), key);
                return;
            }
            if (!stored.companyId().equals(key.companyId())) {
                throw Conflicts.kidTaken();
            }
            rows.put(key.id(), EmbedKey.rehydrate(stored.id(), stored.companyId(), stored.secret(), stored.createdAt(),
                    key.retiredAt().orElse(null)));
        }
    }

    @Override
    public Optional<EmbedKey> find(EmbedKeyId id) {
        synchronized (store) {
            return Optional.ofNullable(rows.get(id));
        }
    }

    @Override
    public List<EmbedKey> list(CompanyId company) {
        synchronized (store) {
            return rows.values().stream().filter(k -> k.companyId().equals(company)).sorted(ORDER).toList();
        }
    }
}
