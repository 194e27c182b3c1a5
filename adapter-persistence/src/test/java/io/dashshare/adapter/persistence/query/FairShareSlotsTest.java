package io.dashshare.adapter.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.adapter.persistence.TestDatabase;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryFailedException.Reason;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.QuerySlots;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.execution.SlotShare;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.sql.SqlTemplate;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcQueryExecutor#reserve}: the fair share of a source's slots per dashboard and share
 * (docs/operations.md, fair use of a data source), on real PostgreSQL. Each test has its own source
 * of 4 slots, so a dashboard's share is 2 and no test sees another's slots.
 */
class FairShareSlotsTest {

    private static final QueryLimits LIMITS = new QueryLimits(100, Duration.ofSeconds(15));
    private static JdbcQueryExecutor executor;

    @BeforeAll
    static void start() {
        TestDatabase db = TestDatabase.get();
        DataSourceSettings reader = DataSourceSettings.of(db.url(), TestDatabase.READER, TestDatabase.READER_PASSWORD)
                .withPoolSize(4);
        executor = new JdbcQueryExecutor(new DataSourcesConfig(Map.of(
                source("share"), reader, source("full"), reader, source("several"), reader, source("late"), reader,
                source("export"), reader, source("run"), reader, source("turn"), reader,
                source("third"), new DataSourceSettings(reader.url(), reader.user(), reader.password(), 10,
                        reader.statementTimeout(), reader.maxRows(), reader.connectionTimeout(),
                        new DataSourceSettings.Admission(0, 50, Duration.ofMillis(500), new SlotShare(30))))));
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    private static DataSourceName source(String name) {
        return new DataSourceName(name);
    }

    private static SlotHolder dashboard() {
        return SlotHolder.dashboard(new DashboardId(UUID.randomUUID()));
    }

    private static BoundStatement sql(String sql) {
        return SqlTemplate.parse(sql).bind(name -> null);
    }

    /** Refused for load, and at once: measured, not assumed. */
    private static void assertRefusedWithin(Duration bound, ThrowingCallable call) {
        long started = System.nanoTime();
        assertThatThrownBy(call).isInstanceOfSatisfying(QueryFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_BUSY));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(bound);
    }

    @Test
    void a_dashboard_holding_its_share_is_refused_after_its_queue_wait_while_another_dashboard_takes_the_rest() {
        SlotHolder slow = dashboard();
        try (QuerySlots first = executor.reserve(source("share"), slow, 3)) {
            assertThat(first.granted()).as("half of 4").isEqualTo(2);

            long started = System.nanoTime();
            assertRefusedWithin(Duration.ofMillis(900), () -> executor.reserve(source("share"), slow, 1));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("it waited its turn first")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(400));
            try (QuerySlots other = executor.reserve(source("share"), dashboard(), 2)) {
                assertThat(other.granted()).isEqualTo(2);
            }
        }
        try (QuerySlots again = executor.reserve(source("share"), slow, 2)) {
            assertThat(again.granted()).as("closed slots go back").isEqualTo(2);
        }
    }

    @Test
    void a_second_execution_of_a_dashboard_holding_its_share_is_served_when_the_first_ends_within_the_wait()
            throws Exception {
        SlotHolder dashboard = dashboard();
        QuerySlots first = executor.reserve(source("turn"), dashboard, 4);
        assertThat(first.granted()).isEqualTo(2);
        java.util.concurrent.CompletableFuture<Integer> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (QuerySlots slots = executor.reserve(source("turn"), dashboard, 4)) {
                return slots.granted();
            }
        });
        Thread.sleep(150);
        assertThat(second).as("waiting for its dashboard's share").isNotDone();
        first.close();
        assertThat(second.get(2, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void a_full_source_refuses_within_its_short_queue_wait_and_a_dashboard_gets_what_is_free() {
        try (QuerySlots a = executor.reserve(source("full"), dashboard(), 2);
             QuerySlots b = executor.reserve(source("full"), dashboard(), 1);
             QuerySlots c = executor.reserve(source("full"), dashboard(), 2)) {
            assertThat(c.granted()).as("one slot left of 4, not waited for a second").isEqualTo(1);

            assertRefusedWithin(Duration.ofMillis(900), () -> executor.reserve(source("full"), dashboard(), 1));
        }
    }

    @Test
    void a_share_that_reaches_several_dashboards_is_capped_as_one() {
        ShareId share = new ShareId(UUID.randomUUID());
        try (QuerySlots first = executor.reserve(source("several"),
                SlotHolder.share(new DashboardId(UUID.randomUUID()), share), 2)) {
            assertThat(first.granted()).isEqualTo(2);

            assertRefusedWithin(Duration.ofMillis(900), () -> executor.reserve(source("several"),
                    SlotHolder.share(new DashboardId(UUID.randomUUID()), share), 1));
        }
    }

    @Test
    void a_statement_running_when_its_slots_close_gives_its_own_slot_back_when_it_ends() throws Exception {
        SlotHolder holder = dashboard();
        QuerySlots slots = executor.reserve(source("late"), holder, 2);
        CompletableFuture<QueryResult> running = CompletableFuture.supplyAsync(
                () -> slots.run(sql("select pg_sleep(0.8) is null"), LIMITS));
        Thread.sleep(200);
        slots.close();

        try (QuerySlots meanwhile = executor.reserve(source("late"), holder, 2)) {
            assertThat(meanwhile.granted()).as("the running statement still holds one").isEqualTo(1);
        }
        assertThat(running.get().rows()).hasSize(1);
        try (QuerySlots after = executor.reserve(source("late"), holder, 2)) {
            assertThat(after.granted()).isEqualTo(2);
        }
    }

    @Test
    void an_export_cursor_holds_its_dashboards_slot_until_it_is_closed() {
        SlotHolder holder = dashboard();
        RowCursor cursor;
        try (QuerySlots slots = executor.reserve(source("export"), holder, 1)) {
            cursor = slots.stream(sql("select g from generate_series(1, 100000) g"), LIMITS);
        }
        assertThat(cursor.next()).isPresent();
        try (QuerySlots second = executor.reserve(source("export"), holder, 2)) {
            assertThat(second.granted()).isEqualTo(1);
            assertRefusedWithin(Duration.ofMillis(900), () -> executor.reserve(source("export"), holder, 1));
        }
        cursor.close();
        try (QuerySlots after = executor.reserve(source("export"), holder, 2)) {
            assertThat(after.granted()).isEqualTo(2);
        }
    }

    @Test
    void statements_through_the_slots_run_at_most_granted_at_once() throws Exception {
        try (QuerySlots slots = executor.reserve(source("run"), dashboard(), 1)) {
            CompletableFuture<QueryResult> first = CompletableFuture.supplyAsync(
                    () -> slots.run(sql("select pg_sleep(0.5) is null"), LIMITS));
            Thread.sleep(150);

            assertRefusedWithin(Duration.ofMillis(100), () -> slots.run(sql("select 1"), LIMITS));
            assertThat(first.get().rows()).hasSize(1);
            assertThat(slots.run(sql("select 2 as n"), LIMITS).rows().get(0)).containsExactly(2L);
        }
    }

    @Test
    void the_share_is_a_setting_of_the_source() {
        try (QuerySlots slots = executor.reserve(source("third"), dashboard(), 10)) {
            assertThat(slots.granted()).as("30% of 10").isEqualTo(3);
        }
    }
}
