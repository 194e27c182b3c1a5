package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.TestService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, housekeeping in the running service: rows past retention in every purged table go by
 * themselves on the configured schedule (SHARING_HOUSEKEEPING_INTERVAL), live ones stay, and
 * /prometheus counts what went by table. Which rows each purge takes is adapter-persistence's
 * HousekeepingTest.
 */
class HousekeepingJobTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("SHARING_HOUSEKEEPING_INTERVAL", "300ms",
                "sharing.housekeeping.initial-delay", "300ms", "SHARING_AUDIT_RETENTION", "45d"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void rows_past_retention_go_on_schedule_and_prometheus_counts_them_by_table() throws Exception {
        String staleKey = "otp-request:client:203.0.113." + UUID.randomUUID();
        String liveKey = "otp-request:client:198.51.100." + UUID.randomUUID();
        UUID staleChallenge = UUID.randomUUID();
        UUID endedSession = UUID.randomUUID();
        UUID liveSession = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            String company = "(select id from sharing.companies where slug = 'acme')";
            s.execute("insert into sharing.rate_limit_counters (key, window_start, count) values ('" + staleKey
                    + "', now() - interval '3 hours', 4), ('" + liveKey + "', now(), 1)");
            s.execute("insert into sharing.otp_challenges (id, company_id, email, code_hash, created_at, expires_at)"
                    + " values ('" + staleChallenge + "', " + company + ", 'gone@partner.test', 'h',"
                    + " now() - interval '3 days', now() - interval '2 days')");
            for (UUID session : new UUID[] {endedSession, liveSession}) {
                String expires = session == endedSession ? "now() - interval '2 days'" : "now() + interval '1 hour'";
                s.execute("insert into sharing.share_sessions (id, company_id, email, created_at, expires_at,"
                        + " last_seen_at) values ('" + session + "', " + company + ", 'viewer@partner.test',"
                        + " now() - interval '3 days', " + expires + ", now() - interval '3 days')");
                s.execute("insert into sharing.refresh_tokens (token_hash, session_id, created_at) values ('"
                        + (UUID.randomUUID() + "" + UUID.randomUUID()).replace("-", "") + "', '" + session
                        + "', now() - interval '3 days')");
            }

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (exists(c, "sharing.share_sessions", "id", endedSession) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(exists(c, "sharing.rate_limit_counters", "key", staleKey)).isFalse();
            assertThat(exists(c, "sharing.rate_limit_counters", "key", liveKey)).isTrue();
            assertThat(exists(c, "sharing.otp_challenges", "id", staleChallenge)).isFalse();
            assertThat(exists(c, "sharing.share_sessions", "id", endedSession)).isFalse();
            assertThat(exists(c, "sharing.refresh_tokens", "session_id", endedSession)).isFalse();
            assertThat(exists(c, "sharing.share_sessions", "id", liveSession)).isTrue();
            assertThat(exists(c, "sharing.refresh_tokens", "session_id", liveSession)).isTrue();
        }
        String metrics = service.api().get("/prometheus").body();
        for (String table : new String[] {"rate_limit_counters", "otp_challenges", "refresh_tokens", "share_sessions"}) {
            assertThat(deleted(metrics, table)).as("sharing_housekeeping_deleted_total of " + table)
                    .isGreaterThanOrEqualTo(1);
        }
    }

    /**
     * The audit log's part of housekeeping (README, audit log retention and partitions): the month's
     * partition and the next three are made, and with SHARING_AUDIT_RETENTION=45d (a duration as
     * the README writes it) an event 50 days old goes while one 40 days old stays.
     */
    @Test
    void audit_events_past_SHARING_AUDIT_RETENTION_go_and_the_months_ahead_get_their_partitions() throws Exception {
        UUID old = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        String ahead = String.format("sharing.audit_events_%04d_%02d", month.plusMonths(3).getYear(),
                month.plusMonths(3).getMonthValue());
        try (Connection c = DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            String company = "(select id from sharing.companies where slug = 'acme')";
            for (Object[] row : new Object[][] {{old, 50}, {kept, 40}}) {
                s.execute("insert into sharing.audit_events (id, at, company_id, type, flow, actor_type, outcome)"
                        + " values ('" + row[0] + "', now() - interval '" + row[1] + " days', " + company
                        + ", 'share.resolved', 'public', 'anonymous', 'ok')");
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((exists(c, "sharing.audit_events", "id", old) || !partition(c, ahead))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(exists(c, "sharing.audit_events", "id", old)).as("50 days old, retention 45d").isFalse();
            assertThat(exists(c, "sharing.audit_events", "id", kept)).as("40 days old").isTrue();
            assertThat(partition(c, ahead)).as(ahead).isTrue();
        }
        String metrics = service.api().get("/prometheus").body();
        assertThat(deleted(metrics, "audit_events")).as("the partitions' series exists").isGreaterThanOrEqualTo(0);
    }

    private static boolean partition(Connection c, String name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static boolean exists(Connection c, String table, String column, Object value) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("select exists (select 1 from " + table + " where "
                + column + " = ?)")) {
            query.setObject(1, value);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static double deleted(String metrics, String table) {
        Matcher m = Pattern.compile("^sharing_housekeeping_deleted_total\\{[^}]*table=\"" + table + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
