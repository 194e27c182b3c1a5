package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.testing.Owner.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 end to end: public, portal and embed traffic of one company, each with a refused
 * request, then the events as its admin reads them through GET /api/v1/audit/events (docs/api.md,
 * audit log), with their fields; the editor refused; another company sees none of them; the
 * share's statistics and the member's last sign-in follow from the same events.
 */
class AuditLogApiTest {

    private static Owner admin;
    private static Owner editor;
    private static Owner other;
    private static String dashboardId;
    private static String publicShareId;
    private static String publicRequestId;
    private static String portalShareId;
    private static String contextId;
    private static String memberId;
    private static String viewerEmail;
    private static String embedJti;
    private static Instant started;

    @BeforeAll
    static void traffic() {
        admin = Owner.newCompany("audit-api");
        other = Owner.newCompany("audit-api-other");
        editor = admin.invite("editor@" + admin.companySlug() + ".test", "editor");
        dashboardId = admin.salesOverviewId();
        started = Instant.now().minusSeconds(1);
        ApiClient viewer = PublicLinkPoliciesTest.viewer();

        // Public: resolve, a good execution, a value the policy refuses.
        JsonNode link = admin.createShare(dashboardId, """
                {"name": "audited link", "share_type": "link", "share_filter_policies": [
                 {"filter_slug": "region", "filter_kind": "select", "mode": "selectable", "allowed_values": ["north", "south"]}]}""");
        publicShareId = link.get("id").asText();
        String token = link.get("token").asText();
        expect(200, viewer.get("/api/v1/public/shares/" + token + "/resolve"));
        publicRequestId = expect(200, viewer.post("/api/v1/public/shares/" + token + "/execute",
                "{\"parameters\": {\"period_start\": \"2025-02-01\", \"region\": \"south\"}}"))
                .header("X-Request-Id").orElseThrow();
        expect(400, viewer.post("/api/v1/public/shares/" + token + "/execute", "{\"parameters\": {\"region\": \"east\"}}"));

        // Portal: a sign-in, an execution, a refused context.
        contextId = admin.createContext("Audited customers");
        viewerEmail = Portal.newEmail("audit-api");
        memberId = admin.addMember(contextId, viewerEmail);
        portalShareId = admin.createShare(dashboardId, "{\"name\": \"portal\", \"share_type\": \"link\", "
                + "\"share_context_id\": \"" + contextId + "\"}").get("id").asText();
        String access = Portal.signIn(admin.companySlug(), viewerEmail).get("access_token").asText();
        String base = "/api/v1/share-portal/" + admin.companySlug() + "/dashboards/sales-overview";
        expect(200, Portal.post(base + "/execute", "{\"context_id\": \"" + contextId
                + "\", \"parameters\": {\"region\": \"north\"}}", access));
        expect(400, Portal.post(base + "/execute", "{\"context_id\": \"" + java.util.UUID.randomUUID() + "\"}", access));

        // Embed: a view, and a token signed with a known key that expired.
        JsonNode embedKey = admin.createEmbedKey();
        String embedToken = admin.embedToken(dashboardId, "{\"allowed_params\": [\"period_start\"]}");
        expect(200, viewer.get("/api/embed/d/" + embedToken + "/info"));
        embedJti = jti(embedToken);
        long past = Instant.now().minusSeconds(7200).getEpochSecond();
        Map<String, Object> claims = Jws.embedClaims(admin.companySlug(), dashboardId, "period_start");
        claims.put("iat", past);
        claims.put("exp", past + 600);
        claims.put("jti", "expired-jti-of-the-api-test");
        String expired = Jws.hs256(Jws.header(embedKey.get("kid").asText()), claims,
                Base64.getUrlDecoder().decode(embedKey.get("secret").asText()));
        expect(401, viewer.get("/api/embed/d/" + expired + "/info"));
    }

    private static String jti(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        int at = payload.indexOf("\"jti\":\"") + 7;
        return payload.substring(at, payload.indexOf('"', at));
    }

    /** The admin's events of a query once {@code ready} holds for them (events are written within 5 s). */
    private static List<JsonNode> events(String query, Predicate<List<JsonNode>> ready) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(8));
        List<JsonNode> events;
        do {
            Reply reply = expect(200, admin.get("/api/v1/audit/events?limit=1000&" + query));
            events = new ArrayList<>();
            reply.json().get("events").forEach(events::add);
            if (ready.test(events)) {
                return events;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the events of " + query + " are not all there after 8 s: " + events);
    }

    private static void sleep() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode only(List<JsonNode> events, Predicate<JsonNode> which) {
        List<JsonNode> found = events.stream().filter(which).toList();
        assertThat(found).as("one event among %s", events).hasSize(1);
        return found.get(0);
    }

    private static boolean is(JsonNode event, String type, String outcome) {
        return event.get("type").asText().equals(type) && event.get("outcome").asText().equals(outcome);
    }

    @Test
    void public_traffic_reads_back_with_parameters_rows_client_request_id_and_the_refusal() {
        List<JsonNode> events = events("share_id=" + publicShareId + "&type=share.resolved,dashboard.executed",
                e -> e.size() >= 3);

        assertThat(events).extracting(e -> e.get("type").asText() + " " + e.get("outcome").asText())
                .containsExactly("dashboard.executed SHARE_FILTER_POLICY_VIOLATION", "dashboard.executed ok",
                        "share.resolved ok");
        JsonNode executed = only(events, e -> is(e, "dashboard.executed", "ok"));
        assertThat(executed.get("flow").asText()).isEqualTo("public");
        assertThat(executed.get("actor").toString()).isEqualTo("{\"type\":\"anonymous\"}");
        assertThat(executed.get("dashboard_id").asText()).isEqualTo(dashboardId);
        assertThat(executed.get("share_id").asText()).isEqualTo(publicShareId);
        assertThat(executed.get("context_id").isNull()).isTrue();
        assertThat(executed.get("parameters").get("region").asText()).isEqualTo("south");
        assertThat(executed.get("parameters").get("period_start").asText()).isEqualTo("2025-02-01");
        assertThat(executed.get("row_count").asInt()).isPositive();
        assertThat(executed.get("client").get("ip").asText()).isIn("127.0.0.0", "::");
        assertThat(executed.get("client").get("user_agent").asText()).isNotBlank();
        assertThat(executed.get("request_id").asText()).isEqualTo(publicRequestId);
        assertThat(executed.get("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Instant.parse(executed.get("at").asText())).isAfter(started).isBefore(Instant.now());
    }

    @Test
    void portal_traffic_names_the_viewer_the_context_and_the_refused_context() {
        List<JsonNode> events = events("actor=" + viewerEmail.toUpperCase(), e -> e.stream()
                .anyMatch(x -> x.get("outcome").asText().equals("INVALID_CONTEXT_ID")));

        assertThat(events).extracting(e -> e.get("type").asText() + " " + e.get("outcome").asText())
                .containsSubsequence("dashboard.executed INVALID_CONTEXT_ID", "dashboard.executed ok",
                        "portal.signed_in ok", "portal.code_requested ok");
        events.forEach(e -> {
            assertThat(e.get("flow").asText()).isEqualTo("portal");
            assertThat(e.get("actor").toString()).isEqualTo("{\"type\":\"email\",\"email\":\"" + viewerEmail + "\"}");
        });
        JsonNode executed = only(events, e -> is(e, "dashboard.executed", "ok"));
        assertThat(executed.get("context_id").asText()).isEqualTo(contextId);
        assertThat(executed.get("share_id").asText()).isEqualTo(portalShareId);
        assertThat(executed.get("parameters").get("region").asText()).isEqualTo("north");
        assertThat(events("context_id=" + contextId + "&type=dashboard.executed", e -> !e.isEmpty()))
                .extracting(e -> e.get("id").asText()).contains(executed.get("id").asText());
    }

    @Test
    void embed_traffic_names_the_token_s_jti_and_the_expired_one_is_refused_in_the_log() {
        List<JsonNode> events = events("type=embed.viewed", e -> e.size() >= 2);

        assertThat(events).extracting(e -> e.get("outcome").asText()).containsExactly("TOKEN_INVALID", "ok");
        JsonNode viewed = only(events, e -> is(e, "embed.viewed", "ok"));
        assertThat(viewed.get("flow").asText()).isEqualTo("embed");
        assertThat(viewed.get("actor").get("type").asText()).isEqualTo("embed");
        assertThat(viewed.get("actor").get("jti").asText()).isEqualTo(embedJti);
        assertThat(only(events, e -> is(e, "embed.viewed", "TOKEN_INVALID")).get("actor").get("jti").asText())
                .isEqualTo("expired-jti-of-the-api-test");
        assertThat(events("actor=" + embedJti + "&type=embed.viewed", e -> e.size() == 1).get(0).get("id").asText())
                .isEqualTo(viewed.get("id").asText());
    }

    @Test
    void owner_changes_are_events_of_the_owner_and_the_csv_holds_the_same() {
        List<JsonNode> created = events("type=share.created", e -> e.size() >= 2);
        created.forEach(e -> {
            assertThat(e.get("flow").asText()).isEqualTo("owner");
            assertThat(e.get("actor").get("type").asText()).isEqualTo("owner");
            assertThat(e.get("actor").get("email").asText()).isEqualTo("admin@" + admin.companySlug() + ".test");
        });
        Reply csv = expect(200, admin.get("/api/v1/audit/events.csv?type=share.created"));
        for (JsonNode e : created) {
            assertThat(csv.body()).contains(e.get("id").asText() + "," + e.get("at").asText() + ",share.created,owner,owner,");
        }
    }

    @Test
    void the_editor_is_refused_and_the_other_company_sees_none_of_it() {
        assertThat(editor.get("/api/v1/audit/events").status()).isEqualTo(403);
        assertThat(editor.get("/api/v1/audit/events.csv").status()).isEqualTo(403);
        events("share_id=" + publicShareId, e -> e.size() >= 3);

        JsonNode theirs = expect(200, other.get("/api/v1/audit/events?limit=1000")).json().get("events");
        theirs.forEach(e -> {
            assertThat(e.get("share_id").isNull() || !e.get("share_id").asText().equals(publicShareId)).isTrue();
            assertThat(e.get("dashboard_id").isNull() || !e.get("dashboard_id").asText().equals(dashboardId)).isTrue();
        });
        assertThat(expect(200, other.get("/api/v1/audit/events?share_id=" + publicShareId)).json().get("events")).isEmpty();
        assertThat(expect(200, other.get("/api/v1/audit/events?actor=" + viewerEmail)).json().get("events")).isEmpty();
        assertThat(other.get("/api/v1/shares/" + publicShareId + "/stats").status()).isEqualTo(404);
    }

    @Test
    void statistics_and_last_sign_in_follow_from_the_same_events() {
        events("share_id=" + publicShareId + "&type=share.resolved,dashboard.executed", e -> e.size() >= 3);
        JsonNode stats = expect(200, editor.get("/api/v1/shares/" + publicShareId + "/stats")).json();
        assertThat(stats.get("views").asLong()).isEqualTo(1);
        assertThat(stats.get("executions").asLong()).as("the refused one is not counted").isEqualTo(1);
        assertThat(stats.get("unique_viewers").asLong()).isEqualTo(1);
        assertThat(Instant.parse(stats.get("last_viewed_at").asText())).isAfter(started);
        assertThat(stats.get("by_day")).hasSize(30);
        assertThat(stats.get("by_day").get(29).get("views").asLong()).isEqualTo(1);

        events("actor=" + viewerEmail + "&type=portal.signed_in", e -> e.size() == 1);
        JsonNode members = expect(200, admin.get("/api/v1/share-contexts/" + contextId + "/members")).json().get("members");
        JsonNode member = only(toList(members), m -> m.get("id").asText().equals(memberId));
        assertThat(Instant.parse(member.get("last_sign_in_at").asText())).isAfter(started).isBefore(Instant.now());
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
