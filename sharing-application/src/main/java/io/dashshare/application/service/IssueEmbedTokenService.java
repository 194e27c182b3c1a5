package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.tenant.Permission;
import io.dashshare.application.port.in.EmbedRequest;
import io.dashshare.application.port.in.IssueEmbedTokenUseCase;
import io.dashshare.application.port.in.IssuedEmbedToken;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedClaims;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.tenant.Company;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class IssueEmbedTokenService implements IssueEmbedTokenUseCase {

    private final DashboardCatalog catalog;
    private final CompanyRepository companies;
    private final EmbedKeyRing keyRing;
    private final EmbedTokens tokens;
    private final RandomSource random;
    private final Clock clock;
    private final SharingSettings settings;
    private final Audit audit;

    public IssueEmbedTokenService(DashboardCatalog catalog, CompanyRepository companies, EmbedKeyRing keyRing,
                                  EmbedTokens tokens, RandomSource random, Clock clock, SharingSettings settings,
                                  Audit audit) {
        this.catalog = catalog;
        this.companies = companies;
        this.keyRing = keyRing;
        this.tokens = tokens;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public IssuedEmbedToken issue(OwnerPrincipal owner, DashboardId dashboardId, EmbedRequest request) {
        owner.require(Permission.ISSUE_EMBED_TOKENS);
        Dashboard dashboard = Lookups.dashboard(catalog, owner.companyId(), dashboardId);
        DashboardDefinition definition = dashboard.definition();
        checkSlugs(definition, request.allowedParams(), "allowed_params");
        checkSlugs(definition, request.requiredParams(), "required_params");
        Map<String, RawValue> fixed = checkFixed(definition, request.fixedParams());
        for (int i = 0; i < request.requiredParams().size(); i++) {
            FilterSlug slug = request.requiredParams().get(i);
            if (!request.allowedParams().contains(slug) && !fixed.containsKey(slug.value())) {
                throw new InvalidValueException("required_params[" + i + "]",
                        "'" + slug + "' must also be in allowed_params or fixed_params");
            }
        }
        Duration ttl = request.expiresIn().map(this::checkedTtl).orElse(settings.tokens().embedDefaultTtl());
        Company company = companies.findById(owner.companyId()).orElseThrow(() -> SharingException.notFound("Company"));
        EmbedKey key = keyRing.signingKey(owner.companyId());
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        EmbedClaims claims = new EmbedClaims(company.slug(), dashboard.id(), values(request.allowedParams()),
                values(request.requiredParams()), fixed, now, Optional.empty(), expiresAt,
                Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(16)), request.downloads());
        String token = tokens.sign(key, claims);
        // The jti and kid name the token in later embed events; the token itself is never kept.
        audit.owner(AuditType.EMBED_TOKEN_ISSUED, owner).dashboard(dashboard.id()).detail("jti", claims.jti())
                .detail("kid", key.id().value()).detail("expires_at", expiresAt.toString())
                .detail("allowed_params", claims.allowedParams()).detail("required_params", claims.requiredParams())
                .detail("fixed_params", List.copyOf(claims.fixedParams().keySet()))
                .detail("downloads", claims.downloads()).ok();
        return new IssuedEmbedToken(token, settings.publicBaseUrl() + "/embed/d/" + token,
                Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    private Duration checkedTtl(Duration ttl) {
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(settings.tokens().embedMaxTtl()) > 0) {
            throw new InvalidValueException("expires_in", "must be between 1 and "
                    + settings.tokens().embedMaxTtl().toSeconds() + " seconds");
        }
        return ttl;
    }

    private static List<String> values(List<FilterSlug> slugs) {
        return slugs.stream().map(FilterSlug::value).toList();
    }

    private static void checkSlugs(DashboardDefinition definition, List<FilterSlug> slugs, String field) {
        for (int i = 0; i < slugs.size(); i++) {
            if (definition.filter(slugs.get(i).value()).isEmpty()) {
                throw new InvalidValueException(field + "[" + i + "]",
                        "the dashboard has no filter '" + slugs.get(i) + "'");
            }
        }
    }

    private static Map<String, RawValue> checkFixed(DashboardDefinition definition, Map<FilterSlug, RawValue> fixed) {
        Map<String, RawValue> checked = new LinkedHashMap<>();
        for (Map.Entry<FilterSlug, RawValue> entry : fixed.entrySet()) {
            String field = "fixed_params." + entry.getKey();
            FilterDefinition filter = definition.filter(entry.getKey().value()).orElseThrow(() ->
                    new InvalidValueException(field, "the dashboard has no such filter"));
            if (entry.getValue().isBlank()) {
                throw new InvalidValueException(field, "a fixed value cannot be empty");
            }
            try {
                if (!filter.isOffered(filter.kind().parse(entry.getValue()))) {
                    throw new InvalidValueException(field, "not an option of the filter");
                }
            } catch (FilterKind.UnfitValueException e) {
                throw new InvalidValueException(field, e.getMessage());
            }
            checked.put(entry.getKey().value(), entry.getValue());
        }
        return checked;
    }
}
