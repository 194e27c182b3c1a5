package io.dashshare.adapter.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.adapter.persistence.TestDatabase;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryFailedException.Reason;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.RowBudget;
import io.dashshare.domain.execution.RowWeight;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.sql.SqlParam;
import io.dashshare.domain.sql.SqlTemplate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dashboard SQL on real PostgreSQL, as the read-only role {@code dash_reader}. */
class JdbcQueryExecutorTest {

    private static final DataSourceName DEMO = new DataSourceName("demo");
    private static final DataSourceName DOWN = new DataSourceName("down");
    private static final DataSourceName STRICT = new DataSourceName("strict");
    private static final DataSourceName SINGLE = new DataSourceName("single");
    /** A role that could write, to show the connections alone already refuse it. */
    private static final DataSourceName OWNER = new DataSourceName("owner");
    private static final QueryLimits LIMITS = new QueryLimits(10_000, Duration.ofSeconds(15));
    private static final int ORDERS = 40;

    private static JdbcQueryExecutor executor;

    @BeforeAll
    static void start() {
        TestDatabase db = TestDatabase.get();
        DataSourceSettings reader = DataSourceSettings.of(db.url(), TestDatabase.READER, TestDatabase.READER_PASSWORD);
        executor = new JdbcQueryExecutor(new DataSourcesConfig(Map.of(
                DEMO, reader,
                STRICT, reader.withStatementTimeout(Duration.ofMillis(300)).withMaxRows(5),
                SINGLE, reader.withPoolSize(1).withConnectionTimeout(Duration.ofMillis(250)),
                OWNER, DataSourceSettings.of(db.url(), "postgres", "postgres").withPoolSize(1),
                DOWN, DataSourceSettings.of("jdbc:postgresql://localhost:" + TestDatabase.closedPort() + "/postgres",
                        "nobody", "x").withConnectionTimeout(Duration.ofMillis(250)))));
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    private static QueryResult run(String sql, Map<String, SqlParam> parameters) {
        return run(DEMO, sql, parameters, LIMITS);
    }

    private static QueryResult run(DataSourceName source, String sql, Map<String, SqlParam> parameters, QueryLimits limits) {
        BoundStatement bound = SqlTemplate.parse(sql).bind(parameters::get);
        return executor.run(source, bound, limits);
    }

    private static Object single(QueryResult result) {
        assertThat(result.rows()).hasSize(1);
        return result.rows().get(0).get(0);
    }

    private static long orderCount() {
        return (Long) single(run("select count(*) from demo.orders", Map.of()));
    }

    private static void assertFails(Reason reason, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(QueryFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void one_execution_may_run_half_a_sources_cap_at_once_and_at_least_one_statement() {
        assertThat(executor.statementsPerExecution(DEMO)).as("pool of 5").isEqualTo(2);
        assertThat(executor.statementsPerExecution(SINGLE)).as("pool of 1").isEqualTo(1);
        assertThat(executor.statementsPerExecution(new DataSourceName("unknown"))).isEqualTo(1);
    }

    @Test
    void columns_get_portable_types_and_cells_portable_values() {
        QueryResult result = run("""
                select 7::int as i, 9000000000::bigint as big, 12.50::numeric(10,2) as dec, 0.25::float8 as f,
                       'text'::text as t, date '2025-02-03' as d, timestamp '2025-02-03 04:05:00' as ts,
                       timestamptz '2025-02-03 04:05:06.5+02' as tz, true as b, '{"a": [1, 2]}'::jsonb as j,
                       null::int as nothing, 'NaN'::numeric as nan, array['x','y'] as arr""", Map.of());

        assertThat(result.columns()).extracting(Column::type).containsExactly("number", "number", "number", "number",
                "text", "date", "timestamp", "timestamp", "boolean", "json", "number", "number", "text");
        assertThat(result.columns()).extracting(Column::name).startsWith("i", "big", "dec");
        assertThat(result.rows().get(0)).containsExactly(7L, 9_000_000_000L, new BigDecimal("12.50"),
                new BigDecimal("0.25"), "text", "2025-02-03", "2025-02-03T04:05:00", "2025-02-03T02:05:06.500Z",
                true, "{\"a\": [1, 2]}", null, null, "{x,y}");
        assertThat(result.truncated()).isFalse();
        assertThat(result.durationMs()).isNotNegative();
    }

    @Test
    void every_parameter_type_binds_a_value_and_a_typed_null() {
        QueryResult result = run("""
                select :d::date as d, :d2::date is null as d_null,
                       :n::numeric as n, :n2::numeric is null as n_null,
                       :t::text as t, :t2::text is null as t_null,
                       :a::text[] as a, :a2::text[] is null as a_null""",
                Map.of("d", new SqlParam.DateParam(LocalDate.of(2025, 6, 30)), "d2", new SqlParam.DateParam(null),
                        "n", new SqlParam.NumberParam(new BigDecimal("-12.345")), "n2", new SqlParam.NumberParam(null),
                        "t", new SqlParam.TextParam("hello"), "t2", new SqlParam.TextParam(null),
                        "a", new SqlParam.TextArrayParam(List.of("x", "y z")), "a2", new SqlParam.TextArrayParam(null)));

        assertThat(result.rows().get(0)).containsExactly("2025-06-30", true, new BigDecimal("-12.345"), true, "hello",
                true, "{x,\"y z\"}", true);
    }

    @Test
    void unset_filters_bound_as_typed_nulls_lift_only_the_conditions_written_for_them() {
        String sql = """
                select count(*) from demo.orders
                where (:status::text[] is null or status = any(:status))
                  and (:region::text is null or region = :region)
                  and (:from::date is null or order_date >= :from)
                  and (:min::numeric is null or amount >= :min)""";
        Map<String, SqlParam> unset = Map.of("status", new SqlParam.TextArrayParam(null), "region", new SqlParam.TextParam(null),
                "from", new SqlParam.DateParam(null), "min", new SqlParam.NumberParam(null));

        assertThat(single(run(sql, unset))).isEqualTo((long) ORDERS);
        assertThat(single(run(sql, Map.of("status", new SqlParam.TextArrayParam(List.of("Active", "Closed")),
                "region", new SqlParam.TextParam(null), "from", new SqlParam.DateParam(null),
                "min", new SqlParam.NumberParam(null))))).isEqualTo(20L);
        assertThat(single(run(sql, Map.of("status", new SqlParam.TextArrayParam(List.of("Active")),
                "region", new SqlParam.TextParam("north"), "from", new SqlParam.DateParam(LocalDate.of(2025, 1, 20)),
                "min", new SqlParam.NumberParam(new BigDecimal("30")))))).isEqualTo(5L);
    }

    @Test
    void an_empty_list_matches_nothing_rather_than_everything() {
        assertThat(single(run("select count(*) from demo.orders where (:status::text[] is null or status = any(:status))",
                Map.of("status", new SqlParam.TextArrayParam(List.of()))))).isEqualTo(0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR '1'='1", "1);DROP TABLE demo.orders;--", "$$", "\\'", "'||pg_sleep(5)||'",
            "Active' --", "%", "_"})
    void injection_strings_arrive_as_plain_data(String hostile) {
        long before = orderCount();
        long started = System.nanoTime();

        Object asText = single(run("select count(*) from demo.orders where status = :s or customer = :s",
                Map.of("s", new SqlParam.TextParam(hostile))));
        Object asList = single(run("select count(*) from demo.orders where status = any(:s)",
                Map.of("s", new SqlParam.TextArrayParam(List.of(hostile, "x")))));
        Object echoed = single(run("select :s::text", Map.of("s", new SqlParam.TextParam(hostile))));

        assertThat(asText).isEqualTo(0L);
        assertThat(asList).isEqualTo(0L);
        assertThat(echoed).isEqualTo(hostile);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(orderCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "insert into demo.orders values (999, 'Active', 'north', 1, date '2025-01-01', 'x') returning id",
            "update demo.orders set amount = 0 returning id",
            "delete from demo.orders returning id",
            "create table demo.intruder (id int)",
            "create table public.intruder (id int)",
            "select * from sharing.companies",
            "select pg_read_file('/etc/passwd')",
            "copy (select 1) to program 'id'"})
    void statements_that_write_or_reach_the_service_schema_are_rejected(String sql) {
        long before = orderCount();

        assertFails(Reason.REJECTED, () -> run(sql, Map.of()));
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void every_connection_is_read_only_for_each_use() {
        for (int i = 0; i < 3; i++) {
            QueryResult result = run(SINGLE, "select current_setting('default_transaction_read_only'),"
                    + " current_setting('transaction_read_only')", Map.of(), LIMITS);
            assertThat(result.rows().get(0)).containsExactly("on", "on");
        }
    }

    @Test
    void dashboard_sql_is_always_planned_for_its_actual_values() {
        // Optional filters, "(:p is null or col = :p)", only use an index in a custom plan.
        for (int i = 0; i < 7; i++) {
            assertThat(run(SINGLE, "select current_setting('plan_cache_mode')", Map.of(), LIMITS).rows().get(0))
                    .containsExactly("force_custom_plan");
        }
    }

    @Test
    void connections_are_read_only_even_when_the_role_could_write() {
        for (int i = 0; i < 3; i++) {
            // pool of one: the same session each time, so the session default must have stuck
            assertThat(run(OWNER, "select current_setting('default_transaction_read_only')", Map.of(), LIMITS).rows().get(0))
                    .containsExactly("on");
        }
        long before = orderCount();

        assertThatThrownBy(() -> run(OWNER, "delete from demo.orders returning id", Map.of(), LIMITS))
                .isInstanceOfSatisfying(QueryFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(e.getMessage()).contains("25006");
                });
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void a_slow_statement_is_stopped_by_the_statement_timeout() {
        long started = System.nanoTime();

        assertFails(Reason.TIMEOUT, () -> run(DEMO, "select pg_sleep(5)", Map.of(), new QueryLimits(100, Duration.ofMillis(300))));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void the_data_source_timeout_caps_a_longer_statement_limit() {
        assertFails(Reason.TIMEOUT, () -> run(STRICT, "select pg_sleep(5)", Map.of(), LIMITS));
    }

    @Test
    void the_timeout_of_one_statement_does_not_stick_to_the_connection() {
        assertFails(Reason.TIMEOUT, () -> run(SINGLE, "select pg_sleep(1)", Map.of(), new QueryLimits(10, Duration.ofMillis(200))));

        assertThat(run(SINGLE, "select pg_sleep(0.5) is null", Map.of(), LIMITS).rows()).hasSize(1);
    }

    @Test
    void rows_past_the_cap_are_cut_and_flagged() {
        QueryResult cut = run(DEMO, "select g from generate_series(1, 50) g", Map.of(), new QueryLimits(10, Duration.ofSeconds(5)));
        QueryResult whole = run(DEMO, "select g from generate_series(1, 50) g", Map.of(), new QueryLimits(50, Duration.ofSeconds(5)));
        QueryResult capped = run(STRICT, "select g from generate_series(1, 50) g", Map.of(), LIMITS);

        assertThat(cut.rows()).hasSize(10);
        assertThat(cut.truncated()).isTrue();
        assertThat(whole.rows()).hasSize(50);
        assertThat(whole.truncated()).isFalse();
        assertThat(capped.rows()).hasSize(5);
        assertThat(capped.truncated()).isTrue();
    }

    @Test
    void rows_past_what_the_budget_lets_a_statement_keep_are_cut_and_flagged_and_the_rest_is_not_read() {
        AtomicLong asked = new AtomicLong();
        AtomicInteger rows = new AtomicInteger();
        // Each row of one bigint is about 40 bytes (RowWeight): room for 100 of them.
        long room = 100 * RowWeight.row(List.of(1L));
        RowBudget budget = bytes -> {
            rows.incrementAndGet();
            return asked.addAndGet(bytes) <= room;
        };

        QueryResult cut = run(DEMO, "select g::bigint from generate_series(1, 500000) g", Map.of(),
                new QueryLimits(1_000_000, Duration.ofSeconds(15), budget));

        assertThat(cut.rows()).hasSize(100);
        assertThat(cut.truncated()).isTrue();
        assertThat(rows).as("reading stopped at the first row refused").hasValue(101);
    }

    @Test
    void a_budget_with_no_memory_for_a_row_fails_the_statement_as_too_busy() {
        RowBudget full = bytes -> {
            throw new QueryFailedException(Reason.TOO_BUSY, "no memory", null);
        };

        assertFails(Reason.TOO_BUSY, () -> run(DEMO, "select g from generate_series(1, 50) g", Map.of(),
                new QueryLimits(100, Duration.ofSeconds(5), full)));
        assertThat(run(DEMO, "select 1", Map.of(), LIMITS).rows()).as("the connection went back to the pool").hasSize(1);
    }

    @Test
    void an_unreachable_data_source_is_UNAVAILABLE() {
        assertFails(Reason.UNAVAILABLE, () -> run(DOWN, "select 1", Map.of(), LIMITS));
    }

    @Test
    void a_pool_with_every_connection_busy_is_TOO_BUSY() throws Exception {
        CompletableFuture<QueryResult> hog = CompletableFuture.supplyAsync(
                () -> run(SINGLE, "select pg_sleep(1.5) is null", Map.of(), LIMITS));
        Thread.sleep(400);

        assertFails(Reason.TOO_BUSY, () -> run(SINGLE, "select 1", Map.of(), LIMITS));
        assertThat(hog.get().rows()).hasSize(1);
    }

    @Test
    void a_sql_error_is_REJECTED_and_its_message_stays_in_the_diagnostic() {
        assertThatThrownBy(() -> run("select no_such_column from demo.orders", Map.of()))
                .isInstanceOfSatisfying(QueryFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(e.getMessage()).contains("no_such_column").contains("demo");
                });
    }

    @Test
    void an_unknown_data_source_is_REJECTED() {
        assertFails(Reason.REJECTED, () -> run(new DataSourceName("nope"), "select 1", Map.of(), LIMITS));
    }

    @Test
    void the_configured_data_sources_are_listed() {
        assertThat(executor.dataSources()).containsExactlyInAnyOrder(DEMO, DOWN, STRICT, SINGLE, OWNER);
    }

    @Test
    void the_array_parameter_never_splits_a_value() {
        Object count = single(run("select cardinality(:a::text[])",
                Map.of("a", new SqlParam.TextArrayParam(Arrays.asList("a,b", "{c}", "\"d\"")))));

        assertThat(count).isEqualTo(3L);
    }
}
