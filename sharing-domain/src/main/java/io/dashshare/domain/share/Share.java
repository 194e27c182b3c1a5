package io.dashshare.domain.share;

import io.dashshare.domain.common.Text;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A dashboard shared outside the company: by link alone, or, with a share context, only to the
 * context's members through the portal. Policies restrict its filters; {@code downloads} says
 * whether its viewers may export widgets as CSV (docs/api.md, exports), off unless the owner
 * turns it on.
 */
public final class Share {

    private final ShareId id;
    private final CompanyId companyId;
    private final DashboardId dashboardId;
    private final String name;
    private final ShareType type;
    private final ShareContextId contextId;
    private final List<FilterPolicy> policies;
    private final boolean downloads;
    private final TokenHash tokenHash;
    private final Instant expiresAt;
    private final Instant revokedAt;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Share(ShareId id, CompanyId companyId, DashboardId dashboardId, String name, ShareType type,
                  ShareContextId contextId, List<FilterPolicy> policies, boolean downloads, TokenHash tokenHash,
                  Instant expiresAt, Instant revokedAt, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.companyId = Objects.requireNonNull(companyId, "companyId");
        this.dashboardId = Objects.requireNonNull(dashboardId, "dashboardId");
        this.name = Text.requireName(name, 200, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.contextId = contextId;
        this.policies = List.copyOf(policies);
        this.downloads = downloads;
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        Set<String> slugs = new HashSet<>();
        for (FilterPolicy policy : this.policies) {
            if (!slugs.add(policy.filterSlug().value())) {
                throw new InvalidValueException("share_filter_policies", "holds two policies for filter '" + policy.filterSlug() + "'");
            }
        }
    }

    /**
     * Creates a share of {@code dashboard}. Policies must already be built against the dashboard's
     * filters ({@link FilterPolicy#of}); this checks that each still names one of them.
     */
    public static Share create(ShareId id, CompanyId companyId, DashboardId dashboardId, DashboardDefinition dashboard,
                               String name, ShareType type, ShareContextId contextId, List<FilterPolicy> policies,
                               boolean downloads, TokenHash tokenHash, Instant expiresAt, Instant now) {
        checkPolicies(dashboard, policies);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidValueException("expires_at", "must be in the future");
        }
        return new Share(id, companyId, dashboardId, name, type, contextId, policies, downloads, tokenHash, expiresAt,
                null, now, now);
    }

    /** For persistence mappers only. */
    public static Share rehydrate(ShareId id, CompanyId companyId, DashboardId dashboardId, String name, ShareType type,
                                  ShareContextId contextId, List<FilterPolicy> policies, boolean downloads,
                                  TokenHash tokenHash, Instant expiresAt, Instant revokedAt, Instant createdAt,
                                  Instant updatedAt) {
        return new Share(id, companyId, dashboardId, name, type, contextId, policies, downloads, tokenHash, expiresAt,
                revokedAt, createdAt, updatedAt);
    }

    private static void checkPolicies(DashboardDefinition dashboard, List<FilterPolicy> policies) {
        for (FilterPolicy policy : policies) {
            if (dashboard.filter(policy.filterSlug().value()).isEmpty()) {
                throw new InvalidValueException("share_filter_policies", "names no filter of this dashboard: '" + policy.filterSlug() + "'");
            }
        }
    }

    public boolean isLive(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public Share revoke(Instant now) {
        return new Share(id, companyId, dashboardId, name, type, contextId, policies, downloads, tokenHash, expiresAt,
                revokedAt == null ? now : revokedAt, createdAt, now);
    }

    public Share rotateToken(TokenHash newHash, Instant now) {
        return new Share(id, companyId, dashboardId, name, type, contextId, policies, downloads, newHash, expiresAt,
                revokedAt, createdAt, now);
    }

    public Share rename(String newName, Instant now) {
        return new Share(id, companyId, dashboardId, newName, type, contextId, policies, downloads, tokenHash, expiresAt,
                revokedAt, createdAt, now);
    }

    public Share withPolicies(DashboardDefinition dashboard, List<FilterPolicy> newPolicies, Instant now) {
        checkPolicies(dashboard, newPolicies);
        return new Share(id, companyId, dashboardId, name, type, contextId, newPolicies, downloads, tokenHash, expiresAt,
                revokedAt, createdAt, now);
    }

    /** {@code null} removes the expiry. */
    public Share expiringAt(Instant newExpiry, Instant now) {
        return new Share(id, companyId, dashboardId, name, type, contextId, policies, downloads, tokenHash, newExpiry,
                revokedAt, createdAt, now);
    }

    /** Turns CSV exports of this share's widgets on or off. */
    public Share withDownloads(boolean allowed, Instant now) {
        return new Share(id, companyId, dashboardId, name, type, contextId, policies, allowed, tokenHash, expiresAt,
                revokedAt, createdAt, now);
    }

    public AccessRules accessRules() {
        return AccessRules.SharePolicies.of(policies);
    }

    public boolean requiresPortalLogin() {
        return contextId != null;
    }

    public ShareId id() {
        return id;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public DashboardId dashboardId() {
        return dashboardId;
    }

    public String name() {
        return name;
    }

    public ShareType type() {
        return type;
    }

    public Optional<ShareContextId> contextId() {
        return Optional.ofNullable(contextId);
    }

    public List<FilterPolicy> policies() {
        return policies;
    }

    /** Whether viewers may export this share's widgets (docs/api.md, exports). */
    public boolean downloads() {
        return downloads;
    }

    public TokenHash tokenHash() {
        return tokenHash;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
