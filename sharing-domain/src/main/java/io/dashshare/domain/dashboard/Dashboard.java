package io.dashshare.domain.dashboard;

import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A company's dashboard. {@code version} increases on every edit; cached results are keyed by
 * it. {@code embedTokensNotBefore} refuses embed tokens issued before it (instant revocation of
 * stateless tokens).
 */
public final class Dashboard {

    private final DashboardId id;
    private final CompanyId companyId;
    private final DashboardDefinition definition;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant embedTokensNotBefore;

    private Dashboard(DashboardId id, CompanyId companyId, DashboardDefinition definition, long version,
                      Instant createdAt, Instant updatedAt, Instant embedTokensNotBefore) {
        this.id = Objects.requireNonNull(id, "id");
        this.companyId = Objects.requireNonNull(companyId, "companyId");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.embedTokensNotBefore = embedTokensNotBefore;
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    public static Dashboard create(DashboardId id, CompanyId companyId, DashboardDefinition definition, Instant now) {
        return new Dashboard(id, companyId, definition, 1, now, now, null);
    }

    /** For persistence mappers only. */
    public static Dashboard rehydrate(DashboardId id, CompanyId companyId, DashboardDefinition definition, long version,
                                      Instant createdAt, Instant updatedAt, Instant embedTokensNotBefore) {
        return new Dashboard(id, companyId, definition, version, createdAt, updatedAt, embedTokensNotBefore);
    }

    public Dashboard redefine(DashboardDefinition newDefinition, Instant now) {
        return new Dashboard(id, companyId, newDefinition, version + 1, createdAt, now, embedTokensNotBefore);
    }

    public Dashboard refuseEmbedTokensIssuedBefore(Instant cutoff, Instant now) {
        return new Dashboard(id, companyId, definition, version + 1, createdAt, now, cutoff);
    }

    public DashboardId id() {
        return id;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public DashboardDefinition definition() {
        return definition;
    }

    public DashboardSlug slug() {
        return definition.slug();
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> embedTokensNotBefore() {
        return Optional.ofNullable(embedTokensNotBefore);
    }
}
