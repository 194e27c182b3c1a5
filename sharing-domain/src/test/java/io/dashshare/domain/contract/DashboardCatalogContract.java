package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.testing.FilterBuilder;
import io.dashshare.domain.testing.ShareBuilder;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class DashboardCatalogContract extends PortContract {

    private static void assertSameDashboard(Dashboard actual, Dashboard expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(actual.definition()).isEqualTo(expected.definition());
    }

    /** Every filter kind, default shape and option source, so the stored form must carry all of them. */
    private static DashboardBuilder aRichDashboard(Company company) {
        return DashboardBuilder.aSalesDashboard().inCompany(company.id()).createdAt(T0)
                .withSlug("rich-" + UUID.randomUUID().toString().substring(0, 8))
                .withFilter(FilterBuilder.aNumberFilter("min_amount").labelled("Min amount").withDefault("10.50"))
                .withFilter(FilterBuilder.aTextFilter("customer").labelled("Customer").required())
                .withFilter(FilterBuilder.aMultiSelect("channels").withStaticOptions("web", "shop").withDefault("web", "shop"))
                .withWidget("top_customers", Visualization.TABLE,
                        "select customer, sum(amount) from demo.orders where amount >= :min_amount"
                                + " and (:customer::text is null or customer = :customer) group by 1 order by 2 desc limit 10");
    }

    @Test
    void saved_dashboard_round_trips_with_its_whole_definition() {
        Company company = savedCompany();
        Dashboard dashboard = aRichDashboard(company).build();

        ports.dashboards().save(dashboard);

        Dashboard loaded = ports.dashboards().findById(company.id(), dashboard.id()).orElseThrow();
        assertSameDashboard(loaded, dashboard);
        assertSameDashboard(ports.dashboards().findBySlug(company.id(), dashboard.slug()).orElseThrow(), dashboard);
    }

    @Test
    void another_company_finds_nothing_by_id_slug_or_list() {
        Company owner = savedCompany();
        Company other = savedCompany();
        Dashboard dashboard = savedDashboard(owner.id());

        assertThat(ports.dashboards().findById(other.id(), dashboard.id())).isEmpty();
        assertThat(ports.dashboards().findBySlug(other.id(), dashboard.slug())).isEmpty();
        assertThat(ports.dashboards().list(other.id())).isEmpty();
    }

    @Test
    void list_holds_only_the_company_dashboards_oldest_first() {
        Company company = savedCompany();
        Dashboard newer = savedDashboard(company.id(), "newer", T0.plusSeconds(60));
        Dashboard older = savedDashboard(company.id(), "older", T0);
        savedDashboard(savedCompany().id(), "newer", T0);

        assertThat(ports.dashboards().list(company.id())).extracting(Dashboard::id).containsExactly(older.id(), newer.id());
    }

    @Test
    void unknown_id_and_slug_are_not_found() {
        Company company = savedCompany();

        assertThat(ports.dashboards().findById(company.id(), new DashboardId(UUID.randomUUID()))).isEmpty();
        assertThat(ports.dashboards().findBySlug(company.id(), new DashboardSlug("nothing-here"))).isEmpty();
    }

    @Test
    void saving_the_next_version_replaces_the_definition() {
        Company company = savedCompany();
        Dashboard v1 = savedDashboard(company.id());
        DashboardDefinition renamed = DashboardBuilder.aDashboard().withSlug("renamed-" + UUID.randomUUID().toString().substring(0, 6))
                .withName("Renamed").withWidget("n", Visualization.NUMBER, "select 1 as n").definition();
        Dashboard v2 = v1.redefine(renamed, T0.plusSeconds(5));

        ports.dashboards().save(v2);

        Dashboard loaded = ports.dashboards().findById(company.id(), v1.id()).orElseThrow();
        assertSameDashboard(loaded, v2);
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(ports.dashboards().findBySlug(company.id(), v1.slug())).isEmpty();
    }

    @Test
    void stale_save_is_refused_with_NOT_FOUND_and_keeps_the_winner() {
        Company company = savedCompany();
        Dashboard v1 = savedDashboard(company.id());
        Dashboard first = v1.redefine(DashboardBuilder.aSalesDashboard().withSlug(v1.slug().value()).withName("First edit").definition(), T0.plusSeconds(1));
        Dashboard second = v1.redefine(DashboardBuilder.aSalesDashboard().withSlug(v1.slug().value()).withName("Second edit").definition(), T0.plusSeconds(2));

        ports.dashboards().save(first);

        assertFails(ErrorCode.NOT_FOUND, null, () -> ports.dashboards().save(second));
        assertThat(ports.dashboards().findById(company.id(), v1.id()).orElseThrow().definition().name()).isEqualTo("First edit");
    }

    @Test
    void update_of_a_deleted_dashboard_is_NOT_FOUND() {
        Company company = savedCompany();
        Dashboard v1 = savedDashboard(company.id());
        ports.dashboards().delete(company.id(), v1.id());

        assertFails(ErrorCode.NOT_FOUND, null, () -> ports.dashboards().save(v1.redefine(v1.definition(), T0.plusSeconds(1))));
        assertThat(ports.dashboards().findById(company.id(), v1.id())).isEmpty();
    }

    @Test
    void update_claiming_another_company_is_NOT_FOUND_and_changes_nothing() {
        Company owner = savedCompany();
        Company intruder = savedCompany();
        Dashboard v1 = savedDashboard(owner.id());
        Dashboard hijack = Dashboard.rehydrate(v1.id(), intruder.id(), v1.definition(), 2, v1.createdAt(), T0.plusSeconds(1), null);

        assertFails(ErrorCode.NOT_FOUND, null, () -> ports.dashboards().save(hijack));
        assertThat(ports.dashboards().findById(owner.id(), v1.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(ports.dashboards().findById(intruder.id(), v1.id())).isEmpty();
    }

    @Test
    void a_taken_slug_in_the_same_company_is_CONFLICT_on_slug() {
        Company company = savedCompany();
        Dashboard existing = savedDashboard(company.id());
        Dashboard clash = DashboardBuilder.aSalesDashboard().inCompany(company.id()).withSlug(existing.slug().value()).build();

        assertFails(ErrorCode.CONFLICT, "slug", () -> ports.dashboards().save(clash));
        assertThat(ports.dashboards().findById(company.id(), clash.id())).isEmpty();
    }

    @Test
    void renaming_to_a_taken_slug_is_CONFLICT_on_slug() {
        Company company = savedCompany();
        Dashboard taken = savedDashboard(company.id());
        Dashboard other = savedDashboard(company.id());
        Dashboard renamed = other.redefine(DashboardBuilder.aSalesDashboard().withSlug(taken.slug().value()).definition(), T0.plusSeconds(1));

        assertFails(ErrorCode.CONFLICT, "slug", () -> ports.dashboards().save(renamed));
        assertThat(ports.dashboards().findById(company.id(), other.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void the_same_slug_in_two_companies_is_fine() {
        Dashboard a = savedDashboard(savedCompany().id(), "sales-overview", T0);
        Dashboard b = savedDashboard(savedCompany().id(), "sales-overview", T0);

        assertThat(ports.dashboards().findBySlug(a.companyId(), a.slug()).orElseThrow().id()).isEqualTo(a.id());
        assertThat(ports.dashboards().findBySlug(b.companyId(), b.slug()).orElseThrow().id()).isEqualTo(b.id());
    }

    @Test
    void saving_a_fresh_id_twice_as_version_one_is_a_bug_not_an_overwrite() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboard(company.id());

        assertThatThrownBy(() -> ports.dashboards().save(dashboard)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void embed_token_cutoff_round_trips() {
        Company company = savedCompany();
        Dashboard v1 = savedDashboard(company.id());
        Instant cutoff = T0.plusSeconds(3600);

        ports.dashboards().save(v1.refuseEmbedTokensIssuedBefore(cutoff, cutoff));

        Dashboard loaded = ports.dashboards().findById(company.id(), v1.id()).orElseThrow();
        assertThat(loaded.embedTokensNotBefore()).contains(cutoff);
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(loaded.updatedAt()).isEqualTo(cutoff);
    }

    @Test
    void delete_removes_the_dashboard_and_its_shares() {
        Company company = savedCompany();
        Dashboard doomed = savedDashboard(company.id());
        Dashboard kept = savedDashboard(company.id());
        ShareBuilder doomedShare = ShareBuilder.aShareOf(doomed);
        Share keptShare = ShareBuilder.aShareOf(kept).build();
        ports.shares().save(doomedShare.build());
        ports.shares().save(keptShare);

        assertThat(ports.dashboards().delete(company.id(), doomed.id())).isTrue();

        assertThat(ports.dashboards().findById(company.id(), doomed.id())).isEmpty();
        assertThat(ports.shares().findByTokenHash(doomedShare.token().hash())).isEmpty();
        assertThat(ports.shares().listByDashboard(company.id(), doomed.id())).isEmpty();
        assertThat(ports.shares().findById(company.id(), keptShare.id())).isPresent();
    }

    @Test
    void delete_is_false_when_absent_or_of_another_company() {
        Company owner = savedCompany();
        Dashboard dashboard = savedDashboard(owner.id());

        assertThat(ports.dashboards().delete(savedCompany().id(), dashboard.id())).isFalse();
        assertThat(ports.dashboards().delete(owner.id(), new DashboardId(UUID.randomUUID()))).isFalse();
        assertThat(ports.dashboards().findById(owner.id(), dashboard.id())).isPresent();
        assertThat(ports.dashboards().delete(owner.id(), dashboard.id())).isTrue();
        assertThat(ports.dashboards().delete(owner.id(), dashboard.id())).isFalse();
    }
}
