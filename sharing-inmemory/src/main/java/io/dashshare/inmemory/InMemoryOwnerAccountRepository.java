package io.dashshare.inmemory;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.port.Conflicts;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Owner accounts in memory; an email is an owner at most once per company. */
public final class InMemoryOwnerAccountRepository implements OwnerAccountRepository {

    private final InMemoryStore store;
    private final Map<OwnerId, OwnerAccount> rows;
    private final InMemoryOwnerInviteRepository invites;

    InMemoryOwnerAccountRepository(InMemoryStore store, InMemoryOwnerInviteRepository invites) {
        this.store = store;
        this.rows = store.table();
        this.invites = invites;
    }

    @Override
    public List<OwnerAccount> findByEmail(EmailAddress email) {
        synchronized (store) {
            return rows.values().stream().filter(a -> a.email().equals(email))
                    .sorted(Comparator.comparing(OwnerAccount::createdAt)).toList();
        }
    }

    @Override
    public Optional<OwnerAccount> findByEmail(CompanyId company, EmailAddress email) {
        synchronized (store) {
            return rows.values().stream().filter(a -> a.companyId().equals(company) && a.email().equals(email))
                    .findFirst();
        }
    }

    @Override
    public Optional<OwnerAccount> findById(OwnerId id) {
        synchronized (store) {
            return Optional.ofNullable(rows.get(id));
        }
    }

    @Override
    public List<OwnerAccount> list(CompanyId company) {
        synchronized (store) {
            return rows.values().stream().filter(a -> a.companyId().equals(company))
                    .sorted(Comparator.comparing(OwnerAccount::createdAt).thenComparing(a -> a.email().value()))
                    .toList();
        }
    }

    /** Transactions here run one at a time (see {@link InMemoryStore}), so the list is as locked as it needs to be. */
    @Override
    public List<OwnerAccount> lockTeam(CompanyId company) {
        return list(company);
    }

    @Override
    public void save(OwnerAccount account) {
        synchronized (store) {
            boolean emailTaken = rows.values().stream().anyMatch(a -> a.companyId().equals(account.companyId())
                    && a.email().equals(account.email()) && !a.id().equals(account.id()));
            if (emailTaken) {
                throw Conflicts.ownerEmailTaken();
            }
            OwnerAccount stored = rows.get(account.id());
            if (stored == null) {
                rows.put(account.id(), account);
            } else if (stored.companyId().equals(account.companyId())) {
                // As the database adapter: an owner never changes company, nor when it was created.
                rows.put(account.id(), new OwnerAccount(stored.id(), stored.companyId(), account.email(),
                        account.passwordHash(), account.role(), account.status(), stored.createdAt(),
                        account.lastLoginAt(), account.tokenGeneration(), account.keptTokenId()));
            }
        }
    }

    @Override
    public boolean delete(CompanyId company, OwnerId id) {
        synchronized (store) {
            OwnerAccount account = rows.get(id);
            if (account == null || !account.companyId().equals(company)) {
                return false;
            }
            rows.remove(id);
            invites.deleteOf(id);
            return true;
        }
    }
}
