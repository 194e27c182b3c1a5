package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.Values.arr;
import static io.dashshare.application.testing.Values.fixed;
import static io.dashshare.application.testing.Values.params;
import static io.dashshare.application.testing.Values.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.filter.OptionsSource;
import io.dashshare.domain.tenant.Company;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreviewDashboardServiceTest {

    private static final String REVENUE_SQL = "sum(amount) as revenue";

    private SharingHarness h;
    private OwnerPrincipal owner;
    private Dashboard sales;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        Company acme = h.company("acme");
        owner = h.ownerOf(acme);
        sales = h.salesDashboard(acme);
    }

    @Test
    void the_owner_runs_without_any_share_policy() {
        h.publicShare(owner, sales, fixed("region", "select", str("north")));

        h.preview().execute(owner, sales.id(), params("region", str("south"), "status", arr("Closed")));

        assertThat(h.executor().boundValues(REVENUE_SQL)).containsSubsequence(List.of("Closed"), "south");
    }

    @Test
    void the_preview_is_always_fresh_and_never_fills_the_viewers_cache() {
        h.preview().execute(owner, sales.id(), Map.of());
        h.preview().execute(owner, sales.id(), Map.of());
        assertThat(h.executor().count()).isEqualTo(2);

        h.publicShares().execute(h.publicShare(owner, sales).token(), Map.of());
        assertThat(h.executor().count()).isEqualTo(3);
    }

    @Test
    void dynamic_options_run_fresh_for_the_owner() {
        h.executor().answerOptions("distinct status", "Active");

        OptionsAnswer answer = h.preview().options(owner, sales.id(), "status", null);
        h.preview().options(owner, sales.id(), "status", null);

        assertThat(answer.source()).isEqualTo(OptionsSource.DYNAMIC);
        assertThat(h.executor().count()).isEqualTo(2);
    }

    @Test
    void another_companys_dashboard_is_not_found() {
        OwnerPrincipal intruder = h.ownerOf(h.company("globex"));

        failsWith(ErrorCode.NOT_FOUND, () -> h.preview().execute(intruder, sales.id(), Map.of()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.preview().options(intruder, sales.id(), "status", null));
        assertThat(h.executor().count()).isZero();
    }
}
