package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.testing.ContextBuilder;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.testing.FilterBuilder;
import io.dashshare.domain.testing.PolicyBuilder;
import io.dashshare.domain.testing.ShareBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class ShareRepositoryContract extends PortContract {

    private static void assertSameShare(Share actual, Share expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(actual.policies()).isEqualTo(expected.policies());
    }

    private Dashboard savedDashboardWithNumberFilter(CompanyId company) {
        Dashboard dashboard = DashboardBuilder.aSalesDashboard().inCompany(company).createdAt(T0)
                .withSlug("num-" + UUID.randomUUID().toString().substring(0, 8))
                .withFilter(FilterBuilder.aNumberFilter("min_amount")).build();
        ports.dashboards().save(dashboard);
        return dashboard;
    }

    private ShareContext savedContext(CompanyId company) {
        ShareContext context = ContextBuilder.aContext().inCompany(company).build();
        ports.contexts().save(context);
        return context;
    }

    private static FilterDefinition filter(Dashboard dashboard, String slug) {
        return dashboard.definition().filter(slug).orElseThrow();
    }

    @Test
    void saved_share_round_trips_with_every_kind_of_policy() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboardWithNumberFilter(company.id());
        Share selectable = ShareBuilder.aShareOf(dashboard)
                .withPolicy(PolicyBuilder.selectable(filter(dashboard, "status"), "Active", "Pending"))
                .withPolicy(PolicyBuilder.fixed(filter(dashboard, "region"), "north"))
                .withPolicy(PolicyBuilder.fixed(filter(dashboard, "period_start"), "2025-03-01"))
                .withPolicy(PolicyBuilder.disabled(filter(dashboard, "period_end")))
                .withPolicy(PolicyBuilder.selectable(filter(dashboard, "min_amount"), "10", "20.50"))
                .createdAt(T0).expiringAt(T0.plusSeconds(86_400)).withDownloads()
                .build();
        Share fixedLists = ShareBuilder.aShareOf(dashboard)
                .withPolicy(PolicyBuilder.fixed(filter(dashboard, "status"),
                        new RawValue.Arr(List.of(new RawValue.Str("Active"), new RawValue.Str("Closed")))))
                .withPolicy(PolicyBuilder.fixed(filter(dashboard, "min_amount"), new RawValue.Num(new BigDecimal("99.95"))))
                .build();

        ports.shares().save(selectable);
        ports.shares().save(fixedLists);

        assertSameShare(ports.shares().findById(company.id(), selectable.id()).orElseThrow(), selectable);
        assertSameShare(ports.shares().findById(company.id(), fixedLists.id()).orElseThrow(), fixedLists);
    }

    @Test
    void another_company_does_not_find_the_share_by_id() {
        Company owner = savedCompany();
        Share share = ShareBuilder.aShareOf(savedDashboard(owner.id())).build();
        ports.shares().save(share);

        assertThat(ports.shares().findById(savedCompany().id(), share.id())).isEmpty();
        assertThat(ports.shares().findById(owner.id(), new ShareId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void the_token_hash_alone_finds_the_share_and_an_unknown_hash_finds_nothing() {
        Company company = savedCompany();
        ShareBuilder builder = ShareBuilder.aShareOf(savedDashboard(company.id()));
        Share share = builder.build();
        ports.shares().save(share);

        assertSameShare(ports.shares().findByTokenHash(builder.token().hash()).orElseThrow(), share);
        assertThat(ports.shares().findByTokenHash(SecretToken.hashOfPresented("not-a-token"))).isEmpty();
    }

    @Test
    void saving_again_updates_revocation_expiry_name_policies_downloads_and_token() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboard(company.id());
        ShareBuilder builder = ShareBuilder.aShareOf(dashboard).createdAt(T0).expiringAt(T0.plusSeconds(3600));
        Share share = builder.build();
        ports.shares().save(share);
        SecretToken newToken = randomToken();
        DashboardDefinition definition = dashboard.definition();
        Share changed = share.rename("Renamed", T0.plusSeconds(1))
                .withPolicies(definition, List.of(PolicyBuilder.disabled(filter(dashboard, "region"))), T0.plusSeconds(2))
                .expiringAt(null, T0.plusSeconds(3))
                .withDownloads(true, T0.plusSeconds(3))
                .rotateToken(newToken.hash(), T0.plusSeconds(4))
                .revoke(T0.plusSeconds(5));

        ports.shares().save(changed);

        assertSameShare(ports.shares().findById(company.id(), share.id()).orElseThrow(), changed);
        assertThat(ports.shares().findById(company.id(), share.id()).orElseThrow().downloads()).isTrue();
        assertThat(ports.shares().findByTokenHash(builder.token().hash())).isEmpty();
        assertThat(ports.shares().findByTokenHash(newToken.hash())).isPresent();
    }

    @Test
    void saving_over_another_company_share_id_is_NOT_FOUND_and_changes_nothing() {
        Company owner = savedCompany();
        Share share = ShareBuilder.aShareOf(savedDashboard(owner.id())).build();
        ports.shares().save(share);
        Company intruder = savedCompany();
        Dashboard intruderDashboard = savedDashboard(intruder.id());
        Share hijack = ShareBuilder.aShareOf(intruderDashboard).withId(share.id()).named("Hijack").build();

        assertFails(ErrorCode.NOT_FOUND, null, () -> ports.shares().save(hijack));
        assertSameShare(ports.shares().findById(owner.id(), share.id()).orElseThrow(), share);
    }

    @Test
    void listByDashboard_holds_that_dashboard_shares_only_oldest_first() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboard(company.id());
        Share later = ShareBuilder.aShareOf(dashboard).createdAt(T0.plusSeconds(10)).build();
        Share earlier = ShareBuilder.aShareOf(dashboard).createdAt(T0).build();
        ports.shares().save(later);
        ports.shares().save(earlier);
        ports.shares().save(ShareBuilder.aShareOf(savedDashboard(company.id())).build());

        assertThat(ports.shares().listByDashboard(company.id(), dashboard.id()))
                .extracting(Share::id).containsExactly(earlier.id(), later.id());
        assertThat(ports.shares().listByDashboard(savedCompany().id(), dashboard.id())).isEmpty();
    }

    @Test
    void listByContexts_holds_bound_shares_revoked_and_expired_included() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboard(company.id());
        ShareContext first = savedContext(company.id());
        ShareContext second = savedContext(company.id());
        ShareContext unwanted = savedContext(company.id());
        Share live = ShareBuilder.aShareOf(dashboard).boundTo(first.id()).createdAt(T0).build();
        Share revoked = ShareBuilder.aShareOf(dashboard).boundTo(second.id()).createdAt(T0.plusSeconds(1)).build()
                .revoke(T0.plusSeconds(2));
        Share expired = Share.rehydrate(new ShareId(UUID.randomUUID()), company.id(), dashboard.id(), "Old",
                live.type(), first.id(), List.of(), false, SecretToken.hashOfPresented(UUID.randomUUID().toString()),
                T0.minusSeconds(1), null, T0.plusSeconds(2), T0.plusSeconds(2));
        ports.shares().save(live);
        ports.shares().save(revoked);
        ports.shares().save(expired);
        ports.shares().save(ShareBuilder.aShareOf(dashboard).boundTo(unwanted.id()).build());
        ports.shares().save(ShareBuilder.aShareOf(dashboard).build());

        List<Share> found = ports.shares().listByContexts(company.id(), List.of(first.id(), second.id()));

        assertThat(found).extracting(Share::id).containsExactly(live.id(), revoked.id(), expired.id());
        assertThat(ports.shares().listByContexts(savedCompany().id(), List.of(first.id()))).isEmpty();
        assertThat(ports.shares().listByContexts(company.id(), List.of())).isEmpty();
        assertThat(ports.shares().listByContexts(company.id(), List.of(new ShareContextId(UUID.randomUUID())))).isEmpty();
    }
}
