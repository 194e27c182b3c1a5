package io.dashshare.inmemory;

import io.dashshare.domain.port.Conflicts;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.tenant.CompanyId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Dashboards in memory, with the catalog's version check and per-company slug uniqueness. */
public final class InMemoryDashboardCatalog implements DashboardCatalog {

    private static final Comparator<Dashboard> ORDER =
            Ordering.byCreation(Dashboard::createdAt, d -> d.id().value());

    private final InMemoryStore store;
    private final Map<DashboardId, Dashboard> rows;
    private final InMemoryShareRepository shares;

    /** {@code shares} loses a dashboard's shares when the dashboard is deleted. */
    InMemoryDashboardCatalog(InMemoryStore store, InMemoryShareRepository shares) {
        this.store = store;
        this.rows = store.table();
        this.shares = Objects.requireNonNull(shares);
    }

    @Override
    public List<Dashboard> list(CompanyId company) {
        synchronized (store) {
            return rows.values().stream().filter(d -> d.companyId().equals(company)).sorted(ORDER).toList();
        }
    }

    @Override
    public Optional<Dashboard> findById(CompanyId company, DashboardId id) {
        synchronized (store) {
            return Optional.ofNullable(rows.get(id)).filter(d -> d.companyId().equals(company));
        }
    }

    @Override
    public Optional<Dashboard> findBySlug(CompanyId company, DashboardSlug slug) {
        synchronized (store) {
            return rows.values().stream()
                    .filter(d -> d.companyId().equals(company) && d.slug().equals(slug))
                    .findFirst();
        }
    }

    @Override
    public void save(Dashboard dashboard) {
        synchronized (store) {
            Dashboard stored = rows.get(dashboard.id());
            if (dashboard.version() == 1) {
                if (stored != null) {
                    throw new IllegalStateException("dashboard " + dashboard.id() + " exists already: ids must be fresh");
                }
            } else if (stored == null || !stored.companyId().equals(dashboard.companyId())
                    || stored.version() != dashboard.version() - 1) {
                throw SharingException.notFound("dashboard");
            }
            boolean slugTaken = rows.values().stream().anyMatch(d -> d.companyId().equals(dashboard.companyId())
                    && d.slug().equals(dashboard.slug()) && !d.id().equals(dashboard.id()));
            if (slugTaken) {
                throw Conflicts.dashboardSlugTaken();
            }
            rows.put(dashboard.id(), dashboard);
        }
    }

    @Override
    public boolean delete(CompanyId company, DashboardId id) {
        synchronized (store) {
            Dashboard stored = rows.get(id);
            if (stored == null || !stored.companyId().equals(company)) {
                return false;
            }
            rows.remove(id);
            shares.deleteWhere(s -> s.dashboardId().equals(id));
            return true;
        }
    }
}
