package io.dashshare.domain.embed;

import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.FilterValue;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.filter.Rejection;
import io.dashshare.domain.tenant.CompanySlug;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The verified claims of an embed token (docs/embedding.md). {@code fixedParams} stay raw until the
 * dashboard types them, since a customer's backend may sign tokens itself. {@code downloads} lets
 * the embed export widgets as CSV; a token that does not say so cannot.
 */
public record EmbedClaims(CompanySlug company, DashboardId dashboardId, List<String> allowedParams,
                          List<String> requiredParams, Map<String, RawValue> fixedParams, Instant issuedAt,
                          Optional<Instant> notBefore, Instant expiresAt, String jti, boolean downloads) {

    public static final String AUDIENCE = "embed";
    public static final String TYPE = "embed+jwt";

    public EmbedClaims {
        Objects.requireNonNull(company);
        Objects.requireNonNull(dashboardId);
        allowedParams = List.copyOf(allowedParams);
        requiredParams = List.copyOf(requiredParams);
        fixedParams = Map.copyOf(fixedParams);
        Objects.requireNonNull(issuedAt);
        notBefore = notBefore == null ? Optional.empty() : notBefore;
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(jti);
    }

    /** Claims without {@code downloads}, the default. */
    public EmbedClaims(CompanySlug company, DashboardId dashboardId, List<String> allowedParams,
                       List<String> requiredParams, Map<String, RawValue> fixedParams, Instant issuedAt,
                       Optional<Instant> notBefore, Instant expiresAt, String jti) {
        this(company, dashboardId, allowedParams, requiredParams, fixedParams, issuedAt, notBefore, expiresAt, jti,
                false);
    }

    /** The issuer our API writes, and a customer's backend must write: the company's slug. */
    public String issuer() {
        return company.value();
    }

    /**
     * The rules these claims put on the dashboard's filters. Allowed or required slugs that are no
     * filter are ignored (they could only ever widen nothing); fixed values must fit their filter,
     * or the request is refused, so that a fixed restriction is never silently dropped.
     */
    public AccessRules rulesFor(DashboardDefinition dashboard) {
        Set<FilterSlug> allowed = knownSlugs(dashboard, allowedParams);
        Set<FilterSlug> required = knownSlugs(dashboard, requiredParams);
        Map<FilterSlug, FilterValue> fixed = new LinkedHashMap<>();
        for (Map.Entry<String, RawValue> entry : fixedParams.entrySet()) {
            Optional<FilterValue> value = fixedValue(dashboard, entry.getKey(), entry.getValue());
            if (value.isEmpty()) {
                return new AccessRules.Refusing(fixedInvalid(entry.getKey()));
            }
            fixed.put(new FilterSlug(entry.getKey()), value.get());
        }
        return new AccessRules.EmbedParams(allowed, required, fixed);
    }

    /** The typed fixed value, if it fits its filter (as for a share's fixed policy: a static select only takes its options). */
    private static Optional<FilterValue> fixedValue(DashboardDefinition dashboard, String slug, RawValue raw) {
        Optional<FilterDefinition> filter = dashboard.filter(slug);
        if (filter.isEmpty() || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            FilterValue value = filter.get().kind().parse(raw);
            return filter.get().isOffered(value) ? Optional.of(value) : Optional.empty();
        } catch (FilterKind.UnfitValueException e) {
            return Optional.empty();
        }
    }

    private static Set<FilterSlug> knownSlugs(DashboardDefinition dashboard, List<String> slugs) {
        Set<FilterSlug> known = new LinkedHashSet<>();
        for (String slug : slugs) {
            dashboard.filter(slug).ifPresent(f -> known.add(f.slug()));
        }
        return known;
    }

    private static Rejection fixedInvalid(String slug) {
        return new Rejection(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                "The token fixes a parameter this dashboard cannot take.",
                Map.of("filter_slug", slug.length() > 64 ? slug.substring(0, 64) : slug, "reason", "fixed_param_invalid"));
    }
}
