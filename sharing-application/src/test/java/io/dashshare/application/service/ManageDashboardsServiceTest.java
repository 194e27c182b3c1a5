package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.SharingAssertions.conflictOn;
import static io.dashshare.application.testing.SharingAssertions.invalidField;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.testing.DashboardBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManageDashboardsServiceTest {

    private SharingHarness h;
    private OwnerPrincipal owner;
    private OwnerPrincipal intruder;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        owner = h.ownerOf(h.company("acme"));
        intruder = h.ownerOf(h.company("globex"));
    }

    @Test
    void a_dashboard_is_created_at_version_one_and_each_edit_bumps_the_version() {
        Dashboard created = h.dashboards().create(owner, DashboardBuilder.aSalesDashboard().definition());

        Dashboard edited = h.dashboards().update(owner, created.id(),
                DashboardBuilder.aSalesDashboard().withName("Sales, edited").definition());

        assertThat(created.version()).isEqualTo(1);
        assertThat(edited.version()).isEqualTo(2);
        assertThat(h.dashboards().get(owner, created.id()).definition().name()).isEqualTo("Sales, edited");
        assertThat(h.dashboards().list(owner)).extracting(Dashboard::id).containsExactly(created.id());
    }

    @Test
    void an_unknown_data_source_is_invalid_request() {
        invalidField("data_source", () -> h.dashboards().create(owner,
                DashboardBuilder.aSalesDashboard().withDataSource("production").definition()));
    }

    @Test
    void a_slug_is_unique_within_a_company_only() {
        h.dashboards().create(owner, DashboardBuilder.aSalesDashboard().definition());

        conflictOn("slug", () -> h.dashboards().create(owner, DashboardBuilder.aSalesDashboard().definition()));
        assertThat(h.dashboards().create(intruder, DashboardBuilder.aSalesDashboard().definition())).isNotNull();
    }

    @Test
    void another_companys_dashboard_is_not_found_everywhere() {
        Dashboard ours = h.dashboards().create(owner, DashboardBuilder.aSalesDashboard().definition());

        failsWith(ErrorCode.NOT_FOUND, () -> h.dashboards().get(intruder, ours.id()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.dashboards().update(intruder, ours.id(),
                DashboardBuilder.aSalesDashboard().definition()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.dashboards().delete(intruder, ours.id()));
        assertThat(h.dashboards().list(intruder)).isEmpty();
        assertThat(h.dashboards().get(owner, ours.id())).isNotNull();
    }

    @Test
    void deleting_a_dashboard_deletes_its_shares() {
        Dashboard ours = h.dashboards().create(owner, DashboardBuilder.aSalesDashboard().definition());
        var share = h.publicShare(owner, ours);

        h.dashboards().delete(owner, ours.id());

        failsWith(ErrorCode.NOT_FOUND, () -> h.shares().get(owner, share.share().id()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.dashboards().delete(owner, ours.id()));
    }
}
