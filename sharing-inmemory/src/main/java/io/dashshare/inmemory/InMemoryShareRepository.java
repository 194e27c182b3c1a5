package io.dashshare.inmemory;

import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Shares in memory. Deleting a dashboard or a share context removes the shares hanging off it
 * ({@link #deleteWhere}), as the database's cascades do.
 */
public final class InMemoryShareRepository implements ShareRepository {

    private static final Comparator<Share> ORDER = Ordering.byCreation(Share::createdAt, s -> s.id().value());

    private final InMemoryStore store;
    private final Map<ShareId, Share> rows;

    InMemoryShareRepository(InMemoryStore store) {
        this.store = store;
        this.rows = store.table();
    }

    @Override
    public void save(Share share) {
        synchronized (store) {
            Share stored = rows.get(share.id());
            if (stored != null && !stored.companyId().equals(share.companyId())) {
                // An id of another company is not this company's to overwrite.
                throw SharingException.notFound("share");
            }
            boolean hashTaken = rows.values().stream()
                    .anyMatch(s -> s.tokenHash().equals(share.tokenHash()) && !s.id().equals(share.id()));
            if (hashTaken) {
                throw new IllegalStateException("token hash collision: the token was not random");
            }
            rows.put(share.id(), share);
        }
    }

    @Override
    public Optional<Share> findById(CompanyId company, ShareId id) {
        synchronized (store) {
            return Optional.ofNullable(rows.get(id)).filter(s -> s.companyId().equals(company));
        }
    }

    @Override
    public Optional<Share> findByTokenHash(TokenHash hash) {
        synchronized (store) {
            return rows.values().stream().filter(s -> s.tokenHash().equals(hash)).findFirst();
        }
    }

    @Override
    public List<Share> listByDashboard(CompanyId company, DashboardId dashboard) {
        synchronized (store) {
            return rows.values().stream()
                    .filter(s -> s.companyId().equals(company) && s.dashboardId().equals(dashboard))
                    .sorted(ORDER)
                    .toList();
        }
    }

    @Override
    public List<Share> listByContexts(CompanyId company, Collection<ShareContextId> contexts) {
        synchronized (store) {
            Set<ShareContextId> wanted = new HashSet<>(contexts);
            return rows.values().stream()
                    .filter(s -> s.companyId().equals(company) && s.contextId().map(wanted::contains).orElse(false))
                    .sorted(ORDER)
                    .toList();
        }
    }

    /** The in-memory counterpart of {@code ON DELETE CASCADE}. */
    void deleteWhere(Predicate<Share> doomed) {
        synchronized (store) {
            rows.values().removeIf(doomed);
        }
    }
}
