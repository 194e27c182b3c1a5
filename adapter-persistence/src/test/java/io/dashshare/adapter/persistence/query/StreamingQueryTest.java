package io.dashshare.adapter.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.adapter.persistence.TestDatabase;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryFailedException.Reason;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.sql.SqlParam;
import io.dashshare.domain.sql.SqlTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link JdbcQueryExecutor#stream}: rows from a server-side cursor, under the same guards as widget SQL. */
class StreamingQueryTest {

    private static final DataSourceName DEMO = new DataSourceName("demo");
    /** A widget cap of 5 rows: exports must not be bound by it. */
    private static final DataSourceName STRICT = new DataSourceName("strict");
    private static final DataSourceName SINGLE = new DataSourceName("single");
    private static final DataSourceName OWNER = new DataSourceName("owner");
    private static final QueryLimits EXPORT = new QueryLimits(100_000, Duration.ofSeconds(15));

    private static JdbcQueryExecutor executor;

    @BeforeAll
    static void start() {
        TestDatabase db = TestDatabase.get();
        DataSourceSettings reader = DataSourceSettings.of(db.url(), TestDatabase.READER, TestDatabase.READER_PASSWORD);
        executor = new JdbcQueryExecutor(new DataSourcesConfig(Map.of(
                DEMO, reader,
                STRICT, reader.withStatementTimeout(Duration.ofMillis(300)).withMaxRows(5),
                SINGLE, reader.withPoolSize(1).withConnectionTimeout(Duration.ofMillis(250)),
                OWNER, DataSourceSettings.of(db.url(), "postgres", "postgres").withPoolSize(1))));
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    private static RowCursor stream(DataSourceName source, String sql, QueryLimits limits) {
        BoundStatement bound = SqlTemplate.parse(sql).bind(name -> new SqlParam.NumberParam(null));
        return executor.stream(source, bound, limits);
    }

    private static long drain(RowCursor cursor) {
        long n = 0;
        try (cursor) {
            while (cursor.next().isPresent()) {
                n++;
            }
        }
        return n;
    }

    private static void assertFails(Reason reason, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(QueryFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void rows_stream_in_order_with_portable_columns_past_the_widget_cap_up_to_the_export_cap() {
        try (RowCursor cursor = stream(STRICT, "select g as n, 'row ' || g as label from generate_series(1, 2500) g",
                EXPORT)) {
            assertThat(cursor.columns()).containsExactly(new Column("n", "number"), new Column("label", "text"));
            assertThat(cursor.next()).contains(List.of(1L, "row 1"));
            assertThat(cursor.next()).contains(List.of(2L, "row 2"));
            assertThat(drain(cursor)).isEqualTo(2498);
        }
        assertThat(drain(stream(DEMO, "select g from generate_series(1, 2500) g",
                new QueryLimits(1_234, Duration.ofSeconds(5))))).isEqualTo(1_234);
    }

    @Test
    void rows_are_fetched_as_they_are_read_so_a_late_failure_comes_after_the_first_rows() {
        // Row 5000 divides by zero: a statement read whole would fail before handing out any row.
        RowCursor cursor = stream(DEMO, "select 100 / (5000 - g) as q from generate_series(1, 10000) g", EXPORT);
        long read = 0;
        try {
            while (cursor.next().isPresent()) {
                read++;
            }
            throw new AssertionError("the division by zero never came");
        } catch (QueryFailedException e) {
            assertThat(e.reason()).isEqualTo(Reason.REJECTED);
        }

        assertThat(read).isGreaterThanOrEqualTo(JdbcRowCursor.FETCH_SIZE).isLessThan(5000);
        assertThat(cursor.next()).as("a failed cursor is closed").isEmpty();
    }

    @Test
    void an_open_cursor_holds_its_connection_and_closing_it_early_gives_the_connection_back() {
        RowCursor cursor = stream(SINGLE, "select g from generate_series(1, 1000000) g", EXPORT);
        assertThat(cursor.next()).isPresent();

        assertFails(Reason.TOO_BUSY, () -> executor.run(SINGLE, SqlTemplate.parse("select 1").bind(n -> null),
                EXPORT));
        cursor.close();
        cursor.close();

        assertThat(executor.run(SINGLE, SqlTemplate.parse("select 1").bind(n -> null), EXPORT).rows()).hasSize(1);
        assertThat(cursor.next()).isEmpty();
    }

    @Test
    void a_cursor_read_to_the_end_gives_its_connection_back_before_it_is_closed() {
        RowCursor cursor = stream(SINGLE, "select g from generate_series(1, 10) g", EXPORT);
        while (cursor.next().isPresent()) {
            // read everything
        }

        assertThat(executor.run(SINGLE, SqlTemplate.parse("select 1").bind(n -> null), EXPORT).rows()).hasSize(1);
        cursor.close();
    }

    @Test
    void exports_get_at_most_half_the_sources_turns_and_are_refused_at_once_beyond() {
        // DEMO has the default pool of 5: two exports at a time, the third is TOO_BUSY without waiting.
        RowCursor first = stream(DEMO, "select g from generate_series(1, 1000000) g", EXPORT);
        RowCursor second = stream(DEMO, "select g from generate_series(1, 1000000) g", EXPORT);
        try {
            long started = System.nanoTime();
            assertFails(Reason.TOO_BUSY, () -> stream(DEMO, "select 1", EXPORT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
            assertThat(executor.run(DEMO, SqlTemplate.parse("select 1").bind(n -> null), EXPORT).rows())
                    .as("widgets still run beside two exports").hasSize(1);
        } finally {
            first.close();
            second.close();
        }
        assertThat(drain(stream(DEMO, "select 1", EXPORT))).isEqualTo(1);
    }

    @Test
    void a_streamed_statement_runs_read_only_even_for_a_role_that_could_write() {
        assertFails(Reason.REJECTED, () -> drain(stream(OWNER, "delete from demo.orders returning id", EXPORT)));
        try (RowCursor cursor = stream(OWNER, "select current_setting('transaction_read_only')", EXPORT)) {
            assertThat(cursor.next()).contains(List.of("on"));
        }
        assertFails(Reason.REJECTED, () -> stream(DEMO, "select * from sharing.companies", EXPORT));
    }

    @Test
    void the_statement_timeout_stops_a_slow_export_and_leaves_the_connection_usable() {
        long started = System.nanoTime();
        assertFails(Reason.TIMEOUT, () -> stream(SINGLE, "select pg_sleep(5)", new QueryLimits(10, Duration.ofMillis(300))));
        assertFails(Reason.TIMEOUT, () -> stream(STRICT, "select pg_sleep(5)", EXPORT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

        try (RowCursor cursor = stream(SINGLE,
                "select extract(epoch from current_setting('idle_in_transaction_session_timeout')::interval)::int", EXPORT)) {
            assertThat(cursor.next()).contains(List.of(JdbcRowCursor.IDLE_BETWEEN_FETCHES.toSeconds()));
        }
        assertThat(executor.run(SINGLE, SqlTemplate.parse("select current_setting('idle_in_transaction_session_timeout')")
                .bind(n -> null), EXPORT).rows().get(0)).as("the idle bound is local to the export's transaction")
                .containsExactly("0");
    }
}
