package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md, audit log, share statistics and last_sign_in_at, read through the running service.
 * The events are written straight into sharing.audit_events (the columns of migration V8), so that
 * what is read is known exactly; AuditFlowsTest reads what real traffic writes.
 */
class AuditReadingTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static Owner admin;
    private static Owner editor;
    private static Owner other;
    private static UUID company;
    private static UUID otherCompany;
    private static String shareId;
    private static String quietShareId;
    private static String contextId;
    private static String annMember;
    private static String domainMember;
    private static String neverMember;
    private static final List<UUID> shareEvents = new ArrayList<>();

    @BeforeAll
    static void log() throws SQLException {
        admin = Owner.newCompany("audit-read");
        other = Owner.newCompany("audit-other");
        editor = admin.invite("editor@" + admin.companySlug() + ".test", "editor");
        company = UUID.fromString(admin.get("/api/v1/company").json().get("id").asText());
        otherCompany = UUID.fromString(other.get("/api/v1/company").json().get("id").asText());
        shareId = admin.linkShare("").get("id").asText();
        quietShareId = admin.linkShare("").get("id").asText();
        contextId = admin.createContext("Auditors");
        annMember = admin.addMember(contextId, "ann@partner.test");
        neverMember = admin.addMember(contextId, "never@partner.test");
        domainMember = admin.addDomainMember(contextId, "board.test");
        try (Connection c = DriverManager.getConnection(TestService.shared().jdbcUrl(), "postgres", "")) {
            // 26 events of the share over the last 20 days, newest 3 minutes ago.
            for (int i = 0; i < 26; i++) {
                String type = i % 13 == 0 ? "widget.exported" : i % 2 == 0 ? "share.resolved" : "dashboard.executed";
                shareEvents.add(insert(c, company, NOW.minus(i * 18L, ChronoUnit.HOURS).minus(3, ChronoUnit.MINUTES),
                        type, "public", "anonymous", null, null, UUID.fromString(shareId), null, "ok",
                        "203.0.113." + (i % 3)));
            }
            // A refused request of the share: in the log, not in the statistics.
            shareEvents.add(insert(c, company, NOW.minus(2, ChronoUnit.DAYS).plusMillis(7), "dashboard.executed", "public",
                    "anonymous", null, null, UUID.fromString(shareId), null, "RATE_LIMITED", "192.0.2.0"));
            // Portal sign-ins: Ann twice, Bob and Cid of the domain, an outsider; one failed.
            insert(c, company, NOW.minus(5, ChronoUnit.DAYS), "portal.signed_in", "portal", "email", "ann@partner.test",
                    null, null, null, "ok", null);
            insert(c, company, NOW.minus(1, ChronoUnit.DAYS), "portal.signed_in", "portal", "email", "Ann@Partner.test",
                    null, null, null, "ok", null);
            insert(c, company, NOW.minus(1, ChronoUnit.HOURS), "portal.signed_in", "portal", "email", "ann@partner.test",
                    null, null, null, "TOKEN_INVALID", null);
            insert(c, company, NOW.minus(3, ChronoUnit.DAYS), "portal.signed_in", "portal", "email", "bob@board.test",
                    null, null, null, "ok", null);
            insert(c, company, NOW.minus(2, ChronoUnit.DAYS), "portal.signed_in", "portal", "email", "cid@board.test",
                    null, null, null, "ok", null);
            insert(c, company, NOW.minus(2, ChronoUnit.HOURS), "portal.signed_in", "portal", "email", "eve@elsewhere.test",
                    null, null, null, "ok", null);
            insert(c, company, NOW.minus(4, ChronoUnit.HOURS), "share.created", "owner", "owner",
                    "admin@" + admin.companySlug() + ".test", "owner-id-1", UUID.fromString(quietShareId), null, "ok", null);
            // The other company's events, on the same share id and email: never visible to the first.
            insert(c, otherCompany, NOW.minus(1, ChronoUnit.MINUTES), "share.resolved", "public", "anonymous", null,
                    null, UUID.fromString(shareId), null, "ok", "198.51.100.0");
            insert(c, otherCompany, NOW.minus(1, ChronoUnit.MINUTES), "portal.signed_in", "portal", "email",
                    "ann@partner.test", null, null, null, "ok", null);
        }
    }

    private static UUID insert(Connection c, UUID companyId, Instant at, String type, String flow, String actorType,
                               String actorEmail, String actorId, UUID share, UUID context, String outcome, String ip)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("insert into sharing.audit_events (id, at, company_id, type,"
                + " flow, actor_type, actor_email, actor_id, share_id, context_id, parameters, outcome, row_count,"
                + " client_ip, user_agent, request_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setTimestamp(2, Timestamp.from(at));
            s.setObject(3, companyId);
            s.setString(4, type);
            s.setString(5, flow);
            s.setString(6, actorType);
            s.setString(7, actorEmail);
            s.setString(8, actorId);
            s.setObject(9, share);
            s.setObject(10, context);
            s.setString(11, type.equals("dashboard.executed") ? "{\"region\": \"EU\"}" : "{}");
            s.setString(12, outcome);
            s.setObject(13, type.equals("dashboard.executed") ? 27 : null);
            s.setString(14, ip);
            s.setString(15, "=cmd|' /C calc'!A0");
            s.setString(16, "req-" + id);
            s.executeUpdate();
        }
        return id;
    }

    private static List<String> ids(JsonNode events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    /** The viewer types these tests wrote: the owner changes of the setup may be in the log as well. */
    private static final String VIEWER_TYPES = "&type=share.resolved,dashboard.executed,widget.exported";

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void the_share_s_events_page_newest_first_behind_the_cursor_with_every_member() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = Owner.expect(200, admin.get("/api/v1/audit/events?share_id=" + shareId + VIEWER_TYPES + "&limit=5"
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            JsonNode events = page.json().get("events");
            assertThat(events.size()).isLessThanOrEqualTo(5);
            seen.addAll(ids(events));
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(seen).hasSize(27).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(shareEvents.stream().map(UUID::toString).toList()));
        assertThat(pages).isEqualTo(6);
        JsonNode newest = admin.get("/api/v1/audit/events?share_id=" + shareId + VIEWER_TYPES + "&limit=1").json().get("events").get(0);
        assertThat(newest.get("id").asText()).isEqualTo(shareEvents.get(0).toString());
        assertThat(newest.get("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z")
                .isEqualTo(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
                        .format(NOW.minus(3, ChronoUnit.MINUTES)));
        assertThat(newest.get("type").asText()).isEqualTo("widget.exported");
        assertThat(newest.get("flow").asText()).isEqualTo("public");
        assertThat(newest.get("actor").toString()).isEqualTo("{\"type\":\"anonymous\"}");
        assertThat(newest.get("share_id").asText()).isEqualTo(shareId);
        assertThat(newest.get("dashboard_id").isNull()).isTrue();
        assertThat(newest.get("context_id").isNull()).isTrue();
        assertThat(newest.get("parameters").isObject()).isTrue();
        assertThat(newest.get("details").isObject()).isTrue();
        assertThat(newest.get("outcome").asText()).isEqualTo("ok");
        assertThat(newest.get("row_count").isNull()).isTrue();
        assertThat(newest.get("client").get("ip").asText()).isEqualTo("203.0.113.0");
        assertThat(newest.get("client").get("user_agent").asText()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(newest.get("request_id").asText()).isEqualTo("req-" + shareEvents.get(0));
    }

    @Test
    void filters_by_type_time_actor_and_outcome_of_the_log() {
        JsonNode refused = admin.get("/api/v1/audit/events?share_id=" + shareId + "&type=dashboard.executed,widget.exported"
                + "&from=" + q(NOW.minus(3, ChronoUnit.DAYS).toString()) + "&to=" + q(NOW.toString())).json().get("events");
        for (JsonNode e : refused) {
            assertThat(e.get("type").asText()).isIn("dashboard.executed", "widget.exported");
            assertThat(Instant.parse(e.get("at").asText())).isAfterOrEqualTo(NOW.minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
        }
        assertThat(refused).extracting(e -> e.get("outcome").asText()).contains("RATE_LIMITED", "ok");
        JsonNode executed = refused.get(0).get("type").asText().equals("dashboard.executed") ? refused.get(0) : refused.get(1);
        assertThat(executed.get("parameters").get("region").asText()).isEqualTo("EU");
        assertThat(executed.get("row_count").asInt()).isEqualTo(27);

        JsonNode ann = admin.get("/api/v1/audit/events?actor=" + q("ANN@partner.test")).json().get("events");
        assertThat(ann).hasSize(3);
        assertThat(ann.get(0).get("actor").toString()).isEqualTo("{\"type\":\"email\",\"email\":\"ann@partner.test\"}");
        JsonNode byOwnerId = admin.get("/api/v1/audit/events?actor=owner-id-1").json().get("events");
        assertThat(byOwnerId).hasSize(1);
        assertThat(byOwnerId.get(0).get("actor").get("id").asText()).isEqualTo("owner-id-1");
        assertThat(admin.get("/api/v1/audit/events?type=portal.signed_in&share_id=" + shareId).json().get("events"))
                .isEmpty();
        assertThat(admin.get("/api/v1/audit/events?context_id=" + contextId).json().get("events"))
                .allSatisfy(e -> assertThat(e.get("context_id").asText()).isEqualTo(contextId));
        assertThat(admin.get("/api/v1/audit/events?limit=1000").json().get("events").size()).isGreaterThanOrEqualTo(34);
    }

    @Test
    void bad_filters_are_400_naming_the_parameter() {
        assertThat(assertError(admin.get("/api/v1/audit/events?type=share.resolved,share.exploded"), 400,
                "INVALID_REQUEST").get("details").get("field").asText()).isEqualTo("type");
        assertThat(assertError(admin.get("/api/v1/audit/events?from=yesterday"), 400, "INVALID_REQUEST")
                .get("details").get("field").asText()).isEqualTo("from");
        assertThat(assertError(admin.get("/api/v1/audit/events?to=2026-12-01T10:00:00"), 400, "INVALID_REQUEST")
                .get("details").get("field").asText()).as("an offset is required").isEqualTo("to");
        assertThat(assertError(admin.get("/api/v1/audit/events?share_id=42"), 400, "INVALID_REQUEST")
                .get("details").get("field").asText()).isEqualTo("share_id");
        assertThat(assertError(admin.get("/api/v1/audit/events?dashboard_id=" + shareId.replace("-", "")), 400,
                "INVALID_REQUEST").get("details").get("field").asText()).isEqualTo("dashboard_id");
        assertThat(assertError(admin.get("/api/v1/audit/events?context_id=x"), 400, "INVALID_REQUEST")
                .get("details").get("field").asText()).isEqualTo("context_id");
        for (String limit : new String[] {"0", "1001", "ten", "-5"}) {
            assertThat(assertError(admin.get("/api/v1/audit/events?limit=" + limit), 400, "INVALID_REQUEST")
                    .get("details").get("field").asText()).isEqualTo("limit");
        }
        String cursor = admin.get("/api/v1/audit/events?limit=2").json().get("next_cursor").asText();
        String tampered = (cursor.charAt(3) == 'A' ? "B" : "A");
        tampered = cursor.substring(0, 3) + tampered + cursor.substring(4);
        for (String bad : new String[] {tampered, cursor.substring(0, cursor.length() - 2), "not-a-cursor", "%%%"}) {
            assertThat(assertError(admin.get("/api/v1/audit/events?cursor=" + q(bad)), 400, "INVALID_REQUEST")
                    .get("details").get("field").asText()).isEqualTo("cursor");
        }
        assertThat(assertError(admin.get("/api/v1/audit/events?from=" + q(NOW.toString()) + "&to="
                + q(NOW.minusSeconds(60).toString())), 400, "INVALID_REQUEST").get("details").get("field").asText()).isEqualTo("from");
    }

    @Test
    void the_csv_has_the_same_filters_a_header_and_guarded_text_and_is_an_attachment() {
        Reply csv = admin.get("/api/v1/audit/events.csv?share_id=" + shareId + VIEWER_TYPES);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"audit-events-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(csv.header("Cache-Control").orElseThrow()).isEqualTo("no-store");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,type,flow,actor_type,actor_email,actor_id,actor_name,dashboard_id,"
                + "share_id,context_id,parameters,details,outcome,row_count,client_ip,user_agent,request_id");
        assertThat(lines).hasSize(28);
        assertThat(lines[1]).startsWith(shareEvents.get(0) + ",").contains(",widget.exported,public,anonymous,")
                .contains("\"'=cmd|' /C calc'!A0\"");
        assertThat(csv.body()).contains("RATE_LIMITED").endsWith("\r\n");
        assertThat(assertError(admin.get("/api/v1/audit/events.csv?type=nope"), 400, "INVALID_REQUEST")
                .get("details").get("field").asText()).isEqualTo("type");
    }

    @Test
    void an_editor_may_not_read_the_log_but_may_read_share_statistics() {
        assertError(editor.get("/api/v1/audit/events"), 403, "FORBIDDEN");
        assertError(editor.get("/api/v1/audit/events.csv"), 403, "FORBIDDEN");
        assertThat(Owner.expect(200, editor.get("/api/v1/shares/" + shareId + "/stats")).json().get("share_id").asText())
                .isEqualTo(shareId);
        assertThat(admin.api().get("/api/v1/audit/events").status()).isEqualTo(401);
    }

    @Test
    void another_company_never_sees_these_events_shares_or_members() {
        JsonNode theirs = Owner.expect(200, other.get("/api/v1/audit/events?limit=1000")).json().get("events");
        assertThat(ids(theirs)).doesNotContainAnyElementsOf(shareEvents.stream().map(UUID::toString).toList());
        theirs.forEach(e -> assertThat(e.get("share_id").isNull() || e.get("share_id").asText().equals(shareId)).isTrue());
        assertThat(Owner.expect(200, other.get("/api/v1/audit/events?share_id=" + shareId)).json().get("events"))
                .as("their own event on that id only").hasSize(1);
        assertError(other.get("/api/v1/shares/" + shareId + "/stats"), 404, "NOT_FOUND");
        assertError(other.get("/api/v1/share-contexts/" + contextId + "/members"), 404, "NOT_FOUND");
        String csv = Owner.expect(200, other.get("/api/v1/audit/events.csv")).body();
        for (UUID id : shareEvents) {
            assertThat(csv).doesNotContain(id.toString());
        }
        JsonNode mine = admin.get("/api/v1/audit/events?actor=ann@partner.test&type=portal.signed_in").json().get("events");
        mine.forEach(e -> assertThat(Instant.parse(e.get("at").asText())).isBefore(NOW.minus(30, ChronoUnit.MINUTES)));
    }

    @Test
    void share_statistics_count_the_last_30_days_by_day_with_every_day_present() {
        JsonNode stats = Owner.expect(200, admin.get("/api/v1/shares/" + shareId + "/stats")).json();

        // Of the 26 ok events: i % 13 == 0 exports (i = 0, 13), even others views, odd executions.
        assertThat(stats.get("share_id").asText()).isEqualTo(shareId);
        assertThat(stats.get("views").asLong()).isEqualTo(12);
        assertThat(stats.get("executions").asLong()).isEqualTo(12);
        assertThat(stats.get("exports").asLong()).isEqualTo(2);
        assertThat(stats.get("unique_viewers").asLong()).as("three anonymous addresses").isEqualTo(3);
        assertThat(Instant.parse(stats.get("last_viewed_at").asText()))
                .isEqualTo(NOW.minus(36, ChronoUnit.HOURS).minus(3, ChronoUnit.MINUTES));
        JsonNode days = stats.get("by_day");
        assertThat(days).hasSize(30);
        LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
        assertThat(days.get(29).get("day").asText()).isEqualTo(today.toString());
        assertThat(days.get(0).get("day").asText()).isEqualTo(today.minusDays(29).toString());
        long views = 0;
        long executions = 0;
        long exports = 0;
        for (JsonNode day : days) {
            views += day.get("views").asLong();
            executions += day.get("executions").asLong();
            exports += day.get("exports").asLong();
        }
        assertThat(new long[] {views, executions, exports}).containsExactly(12, 12, 2);

        JsonNode quiet = Owner.expect(200, admin.get("/api/v1/shares/" + quietShareId + "/stats")).json();
        assertThat(quiet.get("views").asLong()).isZero();
        assertThat(quiet.get("unique_viewers").asLong()).isZero();
        assertThat(quiet.get("last_viewed_at").isNull()).isTrue();
        assertThat(quiet.get("by_day")).hasSize(30).allSatisfy(d -> assertThat(d.get("views").asLong()).isZero());
        assertError(admin.get("/api/v1/shares/" + UUID.randomUUID() + "/stats"), 404, "NOT_FOUND");
    }

    @Test
    void members_carry_their_last_sign_in_an_email_s_own_and_a_domain_s_latest() {
        JsonNode members = Owner.expect(200, admin.get("/api/v1/share-contexts/" + contextId + "/members")).json()
                .get("members");
        assertThat(members).hasSize(3);
        for (JsonNode member : members) {
            String id = member.get("id").asText();
            assertThat(member.has("last_sign_in_at")).isTrue();
            if (id.equals(annMember)) {
                assertThat(Instant.parse(member.get("last_sign_in_at").asText())).isEqualTo(NOW.minus(1, ChronoUnit.DAYS));
            } else if (id.equals(domainMember)) {
                assertThat(Instant.parse(member.get("last_sign_in_at").asText())).isEqualTo(NOW.minus(2, ChronoUnit.DAYS));
            } else {
                assertThat(id).isEqualTo(neverMember);
                assertThat(member.get("last_sign_in_at").isNull()).isTrue();
            }
        }
    }
}
