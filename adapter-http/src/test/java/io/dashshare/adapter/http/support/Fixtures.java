package io.dashshare.adapter.http.support;

import static io.dashshare.domain.testing.DashboardBuilder.aSalesDashboard;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.EmbedAccess;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.domain.testing.EmbedClaimsBuilder;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.WidgetResult;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.FilterResolver;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.Role;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.dashboard.Visualization;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The demo's company and dashboard (docs/operations.md#the-demo) as domain objects for the mocks to return. */
public final class Fixtures {

    public static final CompanyId COMPANY_ID = new CompanyId(UUID.fromString("0b6c1c9e-5c7a-4f0e-9d55-7a1f0e6b2c01"));
    public static final OwnerId OWNER_ID = new OwnerId(UUID.fromString("5d0f6a8e-2b1c-4e7d-8a9f-3c2b1a0d9e8f"));
    public static final OwnerPrincipal OWNER = OwnerPrincipal.person(OWNER_ID, new EmailAddress("admin@acme.test"),
            COMPANY_ID, Role.ADMIN);
    public static final String ALLOWED_ORIGIN = "https://allowed.example";
    public static final Instant CREATED = Instant.parse("2025-12-01T00:00:00Z");
    public static final Company ACME = new Company(COMPANY_ID, new CompanySlug("acme"), "Acme",
            List.of(new EmbedOrigin(ALLOWED_ORIGIN)), CompanyStatus.ACTIVE, CREATED);
    /** A key {@link FixedOwners} accepts, with the editor role. */
    public static final String API_KEY = "dsk_" + "k".repeat(43);
    public static final ApiKeyId API_KEY_ID = new ApiKeyId(UUID.fromString("7e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b"));
    public static final OwnerPrincipal KEY_OWNER = new OwnerPrincipal(COMPANY_ID, Role.EDITOR,
            new OwnerPrincipal.Actor.Key(API_KEY_ID, "ci"));
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {
    }

    public static Dashboard salesDashboard() {
        return aSalesDashboard().inCompany(COMPANY_ID)
                .withWidget("by_status", Visualization.BAR, "select status, count(*) from demo.orders group by 1")
                .build();
    }

    public static SharedDashboard shared(Dashboard dashboard) {
        return new SharedDashboard(ACME, dashboard,
                FilterResolver.visibleFilters(dashboard.definition().filters(), AccessRules.UNRESTRICTED).orElseThrow());
    }

    /** The first widget answers, the second failed. */
    /** What a verified embed token of {@code shared}'s company and dashboard opens to. */
    public static EmbedAccess embedAccess(SharedDashboard shared) {
        return new EmbedAccess(shared.company(), shared.dashboard(), EmbedClaimsBuilder.anEmbedToken()
                .forCompany(shared.company().slug().value()).forDashboard(shared.dashboard().id()).build());
    }

    public static DashboardResult result(Dashboard dashboard, Map<String, RawValue> parameters) {
        var effective = FilterResolver.resolve(dashboard.definition().filters(), AccessRules.UNRESTRICTED, parameters)
                .orElseThrow();
        var widgets = dashboard.definition().widgets();
        return new DashboardResult(effective, List.of(
                WidgetResult.ok(widgets.get(0), new QueryResult(List.of(new Column("revenue", "number")),
                        List.of(List.<Object>of(new BigDecimal("12345.67"))), false, 12)),
                WidgetResult.failed(widgets.get(1), ErrorCode.DB_QUERY_ERROR)));
    }

    public static ShareContext context() {
        return new ShareContext(new ShareContextId(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")), COMPANY_ID,
                "External customers", "External customer access", T0);
    }

    public static Member member(ShareContext context) {
        return new Member(new MemberId(UUID.fromString("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b")), context.id(),
                new Member.Admits.Address(new EmailAddress("customer@company.com")), T0, java.util.Optional.empty());
    }

    public static EmbedKey embedKey() {
        return EmbedKey.create(new EmbedKeyId("key-2026-01"), COMPANY_ID, new byte[32], T0);
    }

    public static DashboardId dashboardId(Dashboard dashboard) {
        return dashboard.id();
    }
}
