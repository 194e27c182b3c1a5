package io.dashshare.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.WidgetResult;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.tenant.Company;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The widgets of one execution run side by side (DashboardRunner over WidgetFanOut): the answer
 * keeps the dashboard's order, a widget's error stays its own, a refusal for load or a spent quota
 * is the whole answer, and the execution's deadline turns a widget still running into its own
 * DB_QUERY_ERROR. Nothing here measures time.
 */
class ParallelExecutionTest {

    private static final long PATIENCE_SECONDS = 20;
    private static final List<String> WIDGETS = List.of("w_one", "w_two", "w_three", "w_four");

    private SharingHarness h;
    private OwnerPrincipal owner;
    private Dashboard dashboard;

    private void start(SharingHarness harness) {
        h = harness;
        Company acme = h.company("acme");
        owner = h.ownerOf(acme);
        DashboardBuilder builder = DashboardBuilder.aDashboard();
        for (String widget : WIDGETS) {
            builder.withWidget(widget, Visualization.NUMBER, "select 1 as " + widget + " from demo.orders");
        }
        dashboard = h.dashboard(acme, builder);
    }

    private String share() {
        return h.publicShare(owner, dashboard).token();
    }

    private static QueryResult rows(String widget) {
        return new QueryResult(List.of(new Column(widget, "int4")), List.of(List.of(1)), false, 1);
    }

    @Test
    void the_widgets_run_at_the_same_time_and_answer_in_the_dashboards_order() {
        start(SharingHarness.create());
        // The four statements meet at a barrier: only possible if they run at the same time (the
        // scripted source allows four statements per execution).
        CyclicBarrier together = new CyclicBarrier(WIDGETS.size());
        for (String widget : WIDGETS) {
            h.executor().answer("as " + widget + " ", statement -> {
                await(together);
                return rows(widget);
            });
        }

        DashboardResult result = h.publicShares().execute(share(), Map.of());

        assertThat(result.widgets()).extracting(w -> w.widget().slug().value()).containsExactlyElementsOf(WIDGETS);
        assertThat(result.widgets()).allSatisfy(w -> assertThat(w.result()).isPresent());
        assertThat(result.widgets().get(2).result().orElseThrow().columns().get(0).name()).isEqualTo("w_three");
    }

    @Test
    void a_failing_widget_keeps_its_own_error_while_the_others_answer() {
        start(SharingHarness.create());
        h.executor().fail("as w_two ", QueryFailedException.Reason.TIMEOUT);

        DashboardResult result = h.publicShares().execute(share(), Map.of());

        assertThat(result.widgets()).extracting(WidgetResult::error).containsExactly(Optional.empty(),
                Optional.of(ErrorCode.DB_QUERY_ERROR), Optional.empty(),
                Optional.empty());
    }

    @Test
    void a_widget_refused_for_load_answers_429_at_once_without_waiting_for_a_slow_sibling() {
        start(SharingHarness.create());
        CountDownLatch release = new CountDownLatch(1);
        h.executor().answer("as w_one ", statement -> {
            await(release);
            return rows("w_one");
        });
        h.executor().fail("as w_two ", QueryFailedException.Reason.TOO_BUSY);
        String token = share();

        try {
            // w_one is still blocked when the refusal comes back.
            assertThatThrownBy(() -> h.publicShares().execute(token, Map.of()))
                    .isInstanceOf(RateLimitedException.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void past_the_execution_deadline_a_widget_still_running_answers_DB_QUERY_ERROR_and_the_others_their_rows() {
        start(SharingHarness.withExecutionDeadline(Duration.ofSeconds(1)));
        CountDownLatch release = new CountDownLatch(1);
        h.executor().answer("as w_three ", statement -> {
            await(release);
            return rows("w_three");
        });

        try {
            DashboardResult result = h.publicShares().execute(share(), Map.of());

            assertThat(result.widgets()).extracting(w -> w.widget().slug().value())
                    .containsExactlyElementsOf(WIDGETS);
            assertThat(result.widgets().get(2).error()).contains(ErrorCode.DB_QUERY_ERROR);
            assertThat(result.widgets().get(0).result()).isPresent();
            assertThat(result.widgets().get(1).result()).isPresent();
            assertThat(result.widgets().get(3).result()).isPresent();
        } finally {
            release.countDown();
        }
    }

    @Test
    void one_execution_of_many_widgets_spends_one_execution_of_the_quota_and_a_refused_one_runs_nothing() {
        start(SharingHarness.withSettings(SharingHarness.testSettings().withLimits(new SharingSettings.Limits(1, 1))));
        String token = share();

        h.publicShares().execute(token, Map.of());
        int ran = h.executor().count();
        // Past the result cache's 30 s, within the quota's minute: every widget would run again.
        h.clock().advance(Duration.ofSeconds(31));

        assertThat(ran).isEqualTo(WIDGETS.size());
        assertThatThrownBy(() -> h.publicShares().execute(token, Map.of()))
                .isInstanceOf(RateLimitedException.class);
        assertThat(h.executor().count()).as("no widget of a refused execution reaches the source").isEqualTo(ran);
    }

    @Test
    void widgets_the_cache_holds_are_answered_without_running_and_only_the_others_run() {
        start(SharingHarness.create());
        String token = share();
        h.publicShares().execute(token, Map.of());
        int before = h.executor().count();

        DashboardResult again = h.publicShares().execute(token, Map.of());

        assertThat(again.widgets()).allSatisfy(w -> assertThat(w.result()).isPresent());
        assertThat(h.executor().count()).isEqualTo(before);
    }

    @Test
    void a_dashboard_refused_its_slots_answers_429_before_any_widget_runs() {
        start(SharingHarness.create());
        String token = share();
        h.executor().grantAtMost(0);

        assertThatThrownBy(() -> h.publicShares().execute(token, Map.of())).isInstanceOf(RateLimitedException.class);

        assertThat(h.executor().runs()).as("nothing reached the source").isEmpty();
        h.executor().grantAtMost(Integer.MAX_VALUE);
        assertThat(h.publicShares().execute(token, Map.of()).widgets()).hasSize(WIDGETS.size());
    }

    @Test
    void an_execution_takes_its_slots_once_and_runs_no_more_widgets_at_once_than_it_was_granted() {
        start(SharingHarness.create());
        h.executor().grantAtMost(1);
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        for (String widget : WIDGETS) {
            h.executor().answer("as " + widget + " ", statement -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return rows(widget);
            });
        }

        DashboardResult result = h.publicShares().execute(share(), Map.of());

        assertThat(result.widgets()).allSatisfy(w -> assertThat(w.result()).isPresent());
        assertThat(h.executor().reservations()).as("one reservation for the execution, not one per widget")
                .singleElement().satisfies(r -> {
                    assertThat(r.wanted()).as("four misses, four per execution").isEqualTo(4);
                    assertThat(r.granted()).isEqualTo(1);
                });
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void a_public_link_holds_slots_as_its_dashboard_and_its_share() {
        start(SharingHarness.create());
        h.publicShares().execute(share(), Map.of());

        assertThat(h.executor().reservations()).singleElement().satisfies(r -> {
            assertThat(r.holder().dashboard()).isEqualTo(dashboard.id());
            assertThat(r.holder().shareId()).isPresent();
        });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the widgets did not run together", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
