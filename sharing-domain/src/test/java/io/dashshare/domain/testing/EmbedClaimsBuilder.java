package io.dashshare.domain.testing;

import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedClaims;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.tenant.CompanySlug;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test builder for verified embed token claims: {@code anEmbedToken().allowing("region").build()}. */
public final class EmbedClaimsBuilder {

    private String company = "acme";
    private DashboardId dashboardId = new DashboardId(UUID.randomUUID());
    private final List<String> allowed = new ArrayList<>();
    private final List<String> required = new ArrayList<>();
    private final Map<String, RawValue> fixed = new LinkedHashMap<>();
    private Instant issuedAt = Instant.parse("2026-01-02T00:00:00Z");
    private Duration lifetime = Duration.ofHours(1);
    private String jti = UUID.randomUUID().toString();

    private EmbedClaimsBuilder() {
    }

    public static EmbedClaimsBuilder anEmbedToken() {
        return new EmbedClaimsBuilder();
    }

    public EmbedClaimsBuilder forCompany(String slug) {
        this.company = slug;
        return this;
    }

    public EmbedClaimsBuilder forDashboard(DashboardId id) {
        this.dashboardId = id;
        return this;
    }

    public EmbedClaimsBuilder allowing(String... slugs) {
        allowed.addAll(Arrays.asList(slugs));
        return this;
    }

    public EmbedClaimsBuilder requiring(String... slugs) {
        required.addAll(Arrays.asList(slugs));
        return this;
    }

    public EmbedClaimsBuilder fixing(String slug, RawValue value) {
        fixed.put(slug, value);
        return this;
    }

    public EmbedClaimsBuilder fixing(String slug, String value) {
        return fixing(slug, new RawValue.Str(value));
    }

    public EmbedClaimsBuilder issuedAt(Instant value) {
        this.issuedAt = value;
        return this;
    }

    public EmbedClaimsBuilder validFor(Duration value) {
        this.lifetime = value;
        return this;
    }

    public EmbedClaimsBuilder withJti(String value) {
        this.jti = value;
        return this;
    }

    public EmbedClaims build() {
        return new EmbedClaims(new CompanySlug(company), dashboardId, allowed, required, fixed, issuedAt,
                Optional.empty(), issuedAt.plus(lifetime), jti);
    }
}
