package io.dashshare.inmemory;

import io.dashshare.domain.port.Conflicts;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Owner accounts in memory; an email is one account across the whole service. */
public final class InMemoryOwnerAccountRepository implements OwnerAccountRepository {

    private final Map<OwnerId, OwnerAccount> rows = new HashMap<>();

    @Override
    public synchronized Optional<OwnerAccount> findByEmail(EmailAddress email) {
        return rows.values().stream().filter(a -> a.email().equals(email)).findFirst();
    }

    @Override
    public synchronized Optional<OwnerAccount> findById(OwnerId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized void save(OwnerAccount account) {
        boolean emailTaken = rows.values().stream()
                .anyMatch(a -> a.email().equals(account.email()) && !a.id().equals(account.id()));
        if (emailTaken) {
            throw Conflicts.ownerEmailTaken();
        }
        rows.put(account.id(), account);
    }
}
