package io.dashshare.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.service.SharingSettings;
import io.dashshare.adapter.cache.InMemoryResultCache;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.testing.DashboardBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent identical cache misses run each widget's SQL once (issue 7: no stampede when entries expire). */
class CoalescedExecutionTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();
    private volatile boolean fail;
    private final QueryExecutor slow = new QueryExecutor() {
        @Override
        public QueryResult run(DataSourceName dataSource, BoundStatement statement, QueryLimits limits) {
            runs.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fail) {
                throw new QueryFailedException(QueryFailedException.Reason.REJECTED, "boom", null);
            }
            return new QueryResult(List.of(), List.of(), false, 1);
        }

        @Override
        public Set<DataSourceName> dataSources() {
            return Set.of(new DataSourceName("demo"));
        }
    };
    private final ExecutorService viewers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        viewers.shutdownNow();
    }

    private List<Future<DashboardResult>> eightViewersAtOnce(DashboardRunner runner, Dashboard dashboard)
            throws InterruptedException {
        List<Future<DashboardResult>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(viewers.submit(() -> runner.execute(dashboard, AccessRules.UNRESTRICTED, Map.of(), true)));
        }
        Thread.sleep(300);
        release.countDown();
        return answers;
    }

    @Test
    void concurrent_viewers_of_an_uncached_dashboard_run_each_widget_once() throws Exception {
        SharingSettings settings = SharingSettings.defaults("https://share.example");
        DashboardRunner runner = new DashboardRunner(slow,
                new InMemoryResultCache(Clock.systemUTC(), Duration.ofSeconds(30), 100), settings);
        Dashboard dashboard = DashboardBuilder.aSalesDashboard().build();
        int widgets = dashboard.definition().widgets().size();

        for (Future<DashboardResult> answer : eightViewersAtOnce(runner, dashboard)) {
            assertThat(answer.get(10, TimeUnit.SECONDS).widgets()).hasSize(widgets)
                    .allSatisfy(w -> assertThat(w.error()).isEmpty());
        }

        assertThat(runs.get()).isEqualTo(widgets);
    }

    @Test
    void with_the_cache_off_every_execution_runs_its_own_sql() throws Exception {
        DashboardRunner runner = new DashboardRunner(slow,
                new InMemoryResultCache(Clock.systemUTC(), Duration.ZERO, 100),
                SharingSettings.defaults("https://share.example"));
        Dashboard dashboard = DashboardBuilder.aSalesDashboard().build();

        for (Future<DashboardResult> answer : eightViewersAtOnce(runner, dashboard)) {
            answer.get(10, TimeUnit.SECONDS);
        }

        assertThat(runs.get()).isEqualTo(8 * dashboard.definition().widgets().size());
    }

    @Test
    void a_failed_run_fails_its_waiters_and_is_not_cached() throws Exception {
        fail = true;
        DashboardRunner runner = new DashboardRunner(slow,
                new InMemoryResultCache(Clock.systemUTC(), Duration.ofSeconds(30), 100),
                SharingSettings.defaults("https://share.example"));
        Dashboard dashboard = DashboardBuilder.aSalesDashboard().build();

        for (Future<DashboardResult> answer : eightViewersAtOnce(runner, dashboard)) {
            assertThat(answer.get(10, TimeUnit.SECONDS).widgets()).allSatisfy(w -> assertThat(w.error()).isPresent());
        }
        int ran = runs.get();
        fail = false;
        runner.execute(dashboard, AccessRules.UNRESTRICTED, Map.of(), true);

        assertThat(runs.get()).as("the failure was not cached").isGreaterThan(ran);
    }
}
