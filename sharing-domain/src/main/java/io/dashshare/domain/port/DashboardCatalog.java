package io.dashshare.domain.port;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.tenant.CompanyId;
import java.util.List;
import java.util.Optional;

/**
 * Dashboards, always read within one company: another company's id is simply not found.
 */
public interface DashboardCatalog {

    List<Dashboard> list(CompanyId company);

    Optional<Dashboard> findById(CompanyId company, DashboardId id);

    Optional<Dashboard> findBySlug(CompanyId company, DashboardSlug slug);

    /**
     * Inserts a dashboard of version 1, or updates one whose stored version is exactly
     * {@code version - 1}. Throws {@code SharingException} {@code INVALID_REQUEST} (field
     * {@code slug}) when the company already has that slug, and {@code NOT_FOUND} when an update
     * finds no row at the expected version (deleted, or edited concurrently).
     */
    void save(Dashboard dashboard);

    /** Deletes the dashboard and everything that hangs off it (its shares). False when absent. */
    boolean delete(CompanyId company, DashboardId id);
}
