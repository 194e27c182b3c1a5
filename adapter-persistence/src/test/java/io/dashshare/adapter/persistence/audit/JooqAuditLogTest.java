package io.dashshare.adapter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.adapter.persistence.SharingDatabase;
import io.dashshare.adapter.persistence.TestDatabase;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Record;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;

/** The audit writer on the real PostgreSQL of the tests (V8__audit_events.sql). */
class JooqAuditLogTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.123Z");

    private final CompanyId company = new CompanyId(UUID.randomUUID());
    private final Map<String, Integer> dropped = new ConcurrentHashMap<>();
    private final AtomicInteger inserts = new AtomicInteger();
    private final Outage outage = new Outage(TestDatabase.get().service());

    @Test
    void a_flush_writes_each_batch_with_one_statement_and_the_events_are_then_visible() {
        JooqAuditLog log = writer(new JooqAuditLog.Settings(10_000, 500, 3, Duration.ofSeconds(30)));
        for (int i = 0; i < 1_200; i++) {
            log.record(event(AuditType.DASHBOARD_EXECUTED, i));
        }
        assertThat(rows()).as("nothing is written before a flush").isZero();

        assertThat(log.flush()).isEqualTo(1_200);

        assertThat(transactions()).as("batches of 500: three statements for 1200 events").isEqualTo(3);
        assertThat(inserts.get()).as("a first attempt is a COPY, not an insert").isZero();
        assertThat(rows()).isEqualTo(1_200);
        assertThat(dropped).isEmpty();
        assertThat(log.pending()).isZero();
    }

    @Test
    void every_member_of_an_event_lands_in_its_column() {
        JooqAuditLog log = writer(JooqAuditLog.Settings.DEFAULTS);
        DashboardId dashboard = new DashboardId(UUID.randomUUID());
        ShareId share = new ShareId(UUID.randomUUID());
        ShareContextId context = new ShareContextId(UUID.randomUUID());
        AuditEvent executed = new AuditEvent(UUID.randomUUID(), AT, company, AuditType.DASHBOARD_EXECUTED,
                AuditFlow.PORTAL, new AuditActor.Email("viewer@customer.example"), dashboard, share, context,
                Map.of("period_start", "2025-01-01", "status", List.of("Active", "Pending")),
                Map.of("dashboard_slug", "sales-overview"), "ok", 27,
                new AuditClient("203.0.113.0", "curl/8.5", "0123456789abcdef01234567"));
        AuditEvent embed = new AuditEvent(UUID.randomUUID(), AT.plusMillis(1), company, AuditType.EMBED_VIEWED,
                AuditFlow.EMBED, new AuditActor.Embed("jti-1", dashboard.toString()), dashboard, null, null, null,
                Map.of("reason", "expired"), "TOKEN_INVALID", null, null);
        AuditEvent key = new AuditEvent(UUID.randomUUID(), AT.plusMillis(2), company, AuditType.SHARE_CREATED,
                AuditFlow.OWNER, new AuditActor.ApiKey("key-id", "ci"), dashboard, share, null, null, null, "ok", null,
                AuditClient.NONE);
        log.record(executed);
        log.record(embed);
        log.record(key);
        log.flush();

        Record row = db().fetchOne("select * from sharing.audit_events where id = ?", executed.id());
        assertThat(row.get("at", java.time.OffsetDateTime.class).toInstant()).isEqualTo(AT);
        assertThat(row.get("type", String.class)).isEqualTo("dashboard.executed");
        assertThat(row.get("flow", String.class)).isEqualTo("portal");
        assertThat(row.get("actor_type", String.class)).isEqualTo("email");
        assertThat(row.get("actor_email", String.class)).isEqualTo("viewer@customer.example");
        assertThat(row.get("actor_id")).isNull();
        assertThat(row.get("dashboard_id", UUID.class)).isEqualTo(dashboard.value());
        assertThat(row.get("share_id", UUID.class)).isEqualTo(share.value());
        assertThat(row.get("context_id", UUID.class)).isEqualTo(context.value());
        assertThat(db().fetchValue("select parameters->'status'->>1 from sharing.audit_events where id = ?",
                executed.id())).isEqualTo("Pending");
        assertThat(db().fetchValue("select details->>'dashboard_slug' from sharing.audit_events where id = ?",
                executed.id())).isEqualTo("sales-overview");
        assertThat(row.get("outcome", String.class)).isEqualTo("ok");
        assertThat(row.get("row_count", Integer.class)).isEqualTo(27);
        assertThat(row.get("client_ip", String.class)).isEqualTo("203.0.113.0");
        assertThat(row.get("user_agent", String.class)).isEqualTo("curl/8.5");
        assertThat(row.get("request_id", String.class)).isEqualTo("0123456789abcdef01234567");

        Record embedRow = db().fetchOne("select * from sharing.audit_events where id = ?", embed.id());
        assertThat(embedRow.get("actor_type", String.class)).isEqualTo("embed");
        assertThat(embedRow.get("actor_id", String.class)).isEqualTo("jti-1");
        assertThat(embedRow.get("actor_name", String.class)).isEqualTo(dashboard.toString());
        assertThat(embedRow.get("outcome", String.class)).isEqualTo("TOKEN_INVALID");
        assertThat(embedRow.get("row_count")).isNull();
        assertThat(db().fetchValue("select parameters::text from sharing.audit_events where id = ?", embed.id()))
                .isEqualTo("{}");

        Record keyRow = db().fetchOne("select * from sharing.audit_events where id = ?", key.id());
        assertThat(keyRow.get("actor_type", String.class)).isEqualTo("api_key");
        assertThat(keyRow.get("actor_id", String.class)).isEqualTo("key-id");
        assertThat(keyRow.get("actor_name", String.class)).isEqualTo("ci");
        assertThat(keyRow.get("client_ip")).isNull();
    }

    @Test
    void between_flushes_only_whole_batches_are_written_and_a_retry_waits_for_the_flush() {
        JooqAuditLog log = writer(new JooqAuditLog.Settings(10_000, 500, 3, Duration.ofSeconds(30)));
        for (int i = 0; i < 1_200; i++) {
            log.record(event(AuditType.SHARE_RESOLVED, i));
        }
        assertThat(log.flushFullBatches()).isEqualTo(1_000);
        assertThat(log.pending()).as("a partial batch waits for the flush").isEqualTo(200);
        assertThat(log.flush()).isEqualTo(200);

        for (int i = 0; i < 600; i++) {
            log.record(event(AuditType.SHARE_RESOLVED, 2_000 + i));
        }
        outage.down = true;
        assertThat(log.flushFullBatches()).isZero();
        outage.down = false;
        assertThat(log.flushFullBatches()).as("the failed batch is retried at the flush's pace").isZero();
        assertThat(log.flush()).isEqualTo(600);
        assertThat(rows()).isEqualTo(1_800);
        assertThat(dropped).isEmpty();
    }

    @Test
    void values_that_need_quoting_arrive_as_they_were_sent() {
        JooqAuditLog log = writer(JooqAuditLog.Settings.DEFAULTS);
        String agent = "Mozilla/5.0 \"quoted\", comma;\ttab\nline\r\nbreak \\N \\. # ünïcode";
        AuditEvent tricky = new AuditEvent(UUID.randomUUID(), AT, company, AuditType.SHARE_RESOLVED,
                AuditFlow.PUBLIC, new AuditActor.Embed("", "sub,\"x\"\n"), null, null, null,
                Map.of("q", "a\"b\\c\nd", "empty", ""), Map.of(), "ok", 0, new AuditClient("", agent, "\\N"));
        log.record(tricky);
        log.flush();

        Record row = db().fetchOne("select * from sharing.audit_events where id = ?", tricky.id());
        assertThat(row.get("user_agent", String.class)).isEqualTo(agent);
        assertThat(row.get("actor_id", String.class)).as("an empty string is not null").isEqualTo("");
        assertThat(row.get("actor_name", String.class)).isEqualTo("sub,\"x\"\n");
        assertThat(row.get("client_ip", String.class)).isEqualTo("");
        assertThat(row.get("request_id", String.class)).isEqualTo("\\N");
        assertThat(row.get("actor_email")).as("null stays null").isNull();
        assertThat(row.get("row_count", Integer.class)).isZero();
        assertThat(db().fetchValue("select parameters->>'q' from sharing.audit_events where id = ?", tricky.id()))
                .isEqualTo("a\"b\\c\nd");
        assertThat(db().fetchValue("select parameters->>'empty' from sharing.audit_events where id = ?", tricky.id()))
                .isEqualTo("");
    }

    @Test
    void a_retried_batch_that_had_reached_the_table_adds_only_what_is_missing() {
        AuditEvent written = event(AuditType.SHARE_RESOLVED, 1);
        AuditEvent fresh = event(AuditType.SHARE_RESOLVED, 2);
        JooqAuditLog first = writer(JooqAuditLog.Settings.DEFAULTS);
        first.record(written);
        first.flush();
        // As if the first attempt's commit had gone through and its answer was lost: the same event again.
        JooqAuditLog log = writer(JooqAuditLog.Settings.DEFAULTS);
        log.record(written);
        log.record(fresh);
        outage.down = true;
        assertThat(log.flush()).isZero();
        outage.down = false;

        assertThat(log.flush()).isEqualTo(2);
        assertThat(inserts.get()).as("the retry is the insert that skips existing ids").isEqualTo(1);
        assertThat(rows()).isEqualTo(2);
        assertThat(dropped).isEmpty();
    }

    @Test
    void a_full_queue_never_blocks_and_counts_each_event_it_could_not_keep() {
        JooqAuditLog log = writer(new JooqAuditLog.Settings(5, 500, 3, Duration.ofSeconds(30)));
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            log.record(event(AuditType.SHARE_RESOLVED, i));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

        assertThat(dropped).containsExactly(Map.entry(JooqAuditLog.QUEUE_FULL, 3));
        assertThat(log.flush()).isEqualTo(5);
        assertThat(rows()).isEqualTo(5);
    }

    @Test
    void a_failed_write_is_kept_and_retried_by_the_next_flush() {
        JooqAuditLog log = writer(new JooqAuditLog.Settings(100, 2, 3, Duration.ofSeconds(30)));
        for (int i = 0; i < 5; i++) {
            log.record(event(AuditType.FILTER_OPTIONS, i));
        }
        outage.down = true;
        assertThat(log.flush()).isZero();
        assertThat(log.pending()).isEqualTo(5);
        assertThat(dropped).isEmpty();

        outage.down = false;
        assertThat(log.flush()).isEqualTo(5);
        assertThat(rows()).isEqualTo(5);
        assertThat(dropped).isEmpty();
    }

    @Test
    void a_batch_still_failing_after_its_attempts_is_counted_as_write_failed() {
        JooqAuditLog log = writer(new JooqAuditLog.Settings(100, 10, 2, Duration.ofSeconds(30)));
        for (int i = 0; i < 4; i++) {
            log.record(event(AuditType.WIDGET_EXPORTED, i));
        }
        outage.down = true;
        log.flush();
        assertThat(dropped).isEmpty();
        log.flush();

        assertThat(dropped).containsExactly(Map.entry(JooqAuditLog.WRITE_FAILED, 4));
        assertThat(log.pending()).isZero();
        outage.down = false;
        log.record(event(AuditType.WIDGET_EXPORTED, 99));
        assertThat(log.flush()).as("the writer goes on after a drop").isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void close_writes_what_is_queued_and_counts_what_arrives_after() {
        JooqAuditLog log = writer(new JooqAuditLog.Settings(10_000, 100, 3, Duration.ofSeconds(30)));
        for (int i = 0; i < 250; i++) {
            log.record(event(AuditType.PORTAL_SIGNED_IN, i));
        }
        log.close();

        assertThat(rows()).isEqualTo(250);
        log.record(event(AuditType.PORTAL_SIGNED_IN, 251));
        assertThat(dropped).containsExactly(Map.entry(JooqAuditLog.QUEUE_FULL, 1));
    }

    @Test
    void close_during_an_outage_counts_what_it_could_not_write() {
        JooqAuditLog log = writer(new JooqAuditLog.Settings(10_000, 100, 2, Duration.ofSeconds(30)));
        for (int i = 0; i < 3; i++) {
            log.record(event(AuditType.PORTAL_SIGNED_OUT, i));
        }
        outage.down = true;
        log.close();
        assertThat(dropped).containsExactly(Map.entry(JooqAuditLog.WRITE_FAILED, 3));
        outage.down = false;
        assertThat(rows()).isZero();
    }

    @Test
    void instances_each_write_their_own_events_side_by_side() throws InterruptedException {
        JooqAuditLog nodeA = writer(JooqAuditLog.Settings.DEFAULTS);
        JooqAuditLog nodeB = writer(JooqAuditLog.Settings.DEFAULTS);
        Thread a = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                nodeA.record(event(AuditType.DASHBOARD_EXECUTED, i));
                if (i % 50 == 0) {
                    nodeA.flush();
                }
            }
        });
        Thread b = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                nodeB.record(event(AuditType.DASHBOARD_EXECUTED, i));
                if (i % 70 == 0) {
                    nodeB.flush();
                }
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        nodeA.flush();
        nodeB.flush();
        assertThat(rows()).isEqualTo(600);
        assertThat(dropped).isEmpty();
    }

    private JooqAuditLog writer(JooqAuditLog.Settings settings) {
        DSLContext db = SharingDatabase.dslContext(outage);
        db.configuration().set(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                if (context.sql() != null && context.sql().startsWith("insert into \"sharing\".\"audit_events\"")) {
                    inserts.incrementAndGet();
                }
            }
        }));
        return new JooqAuditLog(db, settings, (reason, events) -> dropped.merge(reason, events, Integer::sum));
    }

    private AuditEvent event(AuditType type, int n) {
        return new AuditEvent(UUID.randomUUID(), AT.plusMillis(n), company, type, AuditFlow.PUBLIC,
                AuditActor.ANONYMOUS, null, null, null, Map.of("n", n), null, "ok", n, AuditClient.NONE);
    }

    private int rows() {
        return db().fetchCount(db().selectFrom("sharing.audit_events").where("company_id = ?", company.value()));
    }

    /** The transactions that wrote this test's events (one per statement: each runs on its own). */
    private int transactions() {
        return db().fetchOne("select count(distinct xmin::text) from sharing.audit_events where company_id = ?",
                company.value()).get(0, Integer.class);
    }

    private static DSLContext db() {
        return SharingDatabase.dslContext(TestDatabase.get().service());
    }

    /** The test database, or, while {@code down}, a refused connection as in a database outage. */
    private static final class Outage implements DataSource {
        private final DataSource target;
        volatile boolean down;

        Outage(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused (the test's outage)", "08001");
            }
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
