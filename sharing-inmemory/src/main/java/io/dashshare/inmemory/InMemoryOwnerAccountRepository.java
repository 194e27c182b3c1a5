package io.dashshare.inmemory;

import io.dashshare.domain.port.Conflicts;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import java.util.Map;
import java.util.Optional;

/** Owner accounts in memory; an email is one account across the whole service. */
public final class InMemoryOwnerAccountRepository implements OwnerAccountRepository {

    private final InMemoryStore store;
    private final Map<OwnerId, OwnerAccount> rows;

    InMemoryOwnerAccountRepository(InMemoryStore store) {
        this.store = store;
        this.rows = store.table();
    }

    @Override
    public Optional<OwnerAccount> findByEmail(EmailAddress email) {
        synchronized (store) {
            return rows.values().stream().filter(a -> a.email().equals(email)).findFirst();
        }
    }

    @Override
    public Optional<OwnerAccount> findById(OwnerId id) {
        synchronized (store) {
            return Optional.ofNullable(rows.get(id));
        }
    }

    @Override
    public void save(OwnerAccount account) {
        synchronized (store) {
            boolean emailTaken = rows.values().stream()
                    .anyMatch(a -> a.email().equals(account.email()) && !a.id().equals(account.id()));
            if (emailTaken) {
                throw Conflicts.ownerEmailTaken();
            }
            rows.put(account.id(), account);
        }
    }
}
