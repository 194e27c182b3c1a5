package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.ApiAssertions.withoutRequestId;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.assertRevenue;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.execute;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.options;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.statuses;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.viewer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 over HTTP: revoking, rotating and expiring a link cut access at once and look exactly
 * like an unknown token; a context-bound share asks for the portal; the result cache never hands
 * one share's rows to a share with other restrictions, and a dashboard edit is seen at once.
 */
class PublicLinkAccessTest {

    private static Owner owner;
    private static String dashboardId;

    @BeforeAll
    static void demo() {
        owner = Owner.acme();
        dashboardId = owner.salesOverviewId();
    }

    @Test
    void revoking_a_share_cuts_resolve_execute_and_options_at_once() {
        JsonNode share = owner.createShare(dashboardId, "{\"name\": \"revoke me\", \"share_type\": \"link\"}");
        String token = share.get("token").asText();
        assertThat(resolve(token).status()).isEqualTo(200);

        Reply revoked = owner.send("DELETE", "/api/v1/shares/" + share.get("id").asText(), null);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("revoked");
        assertCut(token);
    }

    @Test
    void rotating_a_token_cuts_the_old_one_at_once_and_the_new_one_works() {
        JsonNode share = owner.createShare(dashboardId, "{\"name\": \"rotate me\", \"share_type\": \"link\"}");
        String old = share.get("token").asText();
        assertThat(resolve(old).status()).isEqualTo(200);

        Reply rotated = owner.post("/api/v1/shares/" + share.get("id").asText() + "/rotate-token", null);

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.header("Cache-Control")).hasValue("no-store");
        String fresh = rotated.json().get("token").asText();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(rotated.json().get("url").asText()).endsWith(fresh);
        assertCut(old);
        assertThat(resolve(fresh).status()).isEqualTo(200);
        assertThat(execute(fresh, "{}").status()).isEqualTo(200);
    }

    @Test
    void an_expired_share_answers_like_an_unknown_token_until_the_owner_lifts_the_expiry()
            throws InterruptedException {
        Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        JsonNode share = owner.createShare(dashboardId, "{\"name\": \"expiring\", \"share_type\": \"link\","
                + " \"expires_at\": \"" + expiresAt + "\"}");
        String token = share.get("token").asText();
        String path = "/api/v1/shares/" + share.get("id").asText();
        assertThat(resolve(token).status()).isEqualTo(200);

        Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis()) + 200);

        assertCut(token);
        assertThat(owner.get(path).json().get("status").asText()).isEqualTo("expired");
        JsonNode past = assertError(owner.send("PATCH", path, "{\"expires_at\": \"2020-01-01T00:00:00Z\"}"), 400,
                "INVALID_REQUEST");
        assertThat(past.at("/details/field").asText()).isEqualTo("expires_at");
        assertThat(owner.send("PATCH", path, "{\"expires_at\": null}").status()).isEqualTo(200);
        assertThat(resolve(token).status()).isEqualTo(200);
    }

    @Test
    void unknown_revoked_expired_and_rotated_tokens_get_the_same_401_body_and_headers() {
        JsonNode revokedShare = owner.createShare(dashboardId, "{\"name\": \"a\", \"share_type\": \"link\"}");
        owner.revokeShare(revokedShare.get("id").asText());
        JsonNode rotatedShare = owner.createShare(dashboardId, "{\"name\": \"b\", \"share_type\": \"link\"}");
        owner.post("/api/v1/shares/" + rotatedShare.get("id").asText() + "/rotate-token", null);
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        List<String> tokens = List.of(Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                revokedShare.get("token").asText(), rotatedShare.get("token").asText(), "x", "%27%20OR%201%3D1");

        JsonNode first = null;
        for (String token : tokens) {
            for (Reply reply : List.of(resolve(token), execute(token, "{}"), options(token, "status", null))) {
                assertError(reply, 401, "TOKEN_INVALID");
                assertThat(reply.header("Referrer-Policy")).hasValue("no-referrer");
                assertThat(reply.header("Cache-Control")).hasValue("no-store");
                if (first == null) {
                    first = withoutRequestId(reply);
                }
                assertThat(withoutRequestId(reply)).as("%s", reply).isEqualTo(first);
            }
        }
    }

    @Test
    void a_share_bound_to_a_context_answers_AUTH_REQUIRED_with_the_company_slug() {
        String context = owner.createContext("Portal only");
        String token = owner.createShare(dashboardId, "{\"name\": \"portal\", \"share_type\": \"link\","
                + " \"share_context_id\": \"" + context + "\"}").get("token").asText();

        for (Reply reply : List.of(resolve(token), execute(token, "{}"), options(token, "status", null))) {
            assertError(reply, 401, "AUTH_REQUIRED");
            assertThat(reply.json().get("company_slug").asText()).isEqualTo("acme");
        }
    }

    @Test
    void the_cache_never_serves_an_unrestricted_result_to_a_restricted_share_or_the_other_way_round() {
        String open = owner.publicLink(dashboardId, "[]");
        String onlyClosed = owner.publicLink(dashboardId,
                "[{\"filter_slug\": \"status\", \"filter_kind\": \"multi_select\", \"mode\": \"selectable\", \"allowed_values\": [\"Closed\"]}]");
        String fixedCancelled = owner.publicLink(dashboardId,
                "[{\"filter_slug\": \"status\", \"filter_kind\": \"multi_select\", \"mode\": \"fixed\", \"value\": [\"Cancelled\"]}]");
        String southOnly = owner.publicLink(dashboardId,
                "[{\"filter_slug\": \"region\", \"filter_kind\": \"select\", \"mode\": \"fixed\", \"value\": \"south\"}]");

        // Periods no other test asks for, so each order below starts from an empty cache.
        String unrestrictedFirst = "{\"period_start\": \"2024-02-01\", \"period_end\": \"2024-02-29\"}";
        for (String token : List.of(open, onlyClosed, fixedCancelled, southOnly, open)) {
            assertOwnRestriction(token, unrestrictedFirst, "2024-02-01", "2024-02-29");
        }
        String restrictedFirst = "{\"period_start\": \"2024-03-01\", \"period_end\": \"2024-03-31\"}";
        for (String token : List.of(southOnly, fixedCancelled, onlyClosed, open, onlyClosed)) {
            assertOwnRestriction(token, restrictedFirst, "2024-03-01", "2024-03-31");
        }
    }

    @Test
    void a_dashboard_edit_is_seen_at_once_by_a_cached_share() {
        String document = """
                {"slug": "edited-%s", "name": "Edited", "data_source": "demo", "filters": [],
                 "widgets": [{"slug": "answer", "title": "Answer", "visualization": "number", "sql": "select 41 as answer"}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8));
        String id = owner.createDashboard(document);
        String token = owner.publicLink(id, "[]");
        assertThat(execute(token, "{}").json().at("/widgets/0/rows/0/0").asInt()).isEqualTo(41);
        assertThat(execute(token, "{}").json().at("/widgets/0/rows/0/0").asInt()).isEqualTo(41);

        Reply edited = owner.send("PUT", "/api/v1/dashboards/" + id, document.replace("select 41", "select 42"));

        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(execute(token, "{}").json().at("/widgets/0/rows/0/0").asInt()).isEqualTo(42);
    }

    @Test
    void patching_a_shares_policies_applies_to_its_live_token_at_once() {
        JsonNode share = owner.createShare(dashboardId, "{\"name\": \"patch policies\", \"share_type\": \"link\"}");
        String token = share.get("token").asText();
        String path = "/api/v1/shares/" + share.get("id").asText();
        assertThat(statuses(execute(token, "{\"status\": [\"Closed\"]}"))).containsExactly("Closed");

        Reply patched = owner.send("PATCH", path, "{\"share_filter_policies\": [{\"filter_slug\": \"status\","
                + " \"filter_kind\": \"multi_select\", \"mode\": \"selectable\", \"allowed_values\": [\"Active\"]}]}");

        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertError(execute(token, "{\"status\": [\"Closed\"]}"), 400, "SHARE_FILTER_POLICY_VIOLATION");
        assertThat(statuses(execute(token, "{}"))).containsExactly("Active");
        assertThat(owner.send("PATCH", path, "{\"share_filter_policies\": []}").status()).isEqualTo(200);
        assertThat(statuses(execute(token, "{\"status\": [\"Closed\"]}"))).containsExactly("Closed");
    }

    @Test
    void policies_the_dashboard_cannot_honour_are_400_INVALID_REQUEST_naming_the_policy() {
        String shares = "/api/v1/dashboards/" + dashboardId + "/shares";
        int before = owner.get(shares).json().get("shares").size();
        for (String policy : List.of(
                "{\"filter_slug\": \"customer\", \"filter_kind\": \"text\", \"mode\": \"disabled\"}",
                "{\"filter_slug\": \"status\", \"filter_kind\": \"select\", \"mode\": \"disabled\"}",
                "{\"filter_slug\": \"status\", \"filter_kind\": \"multi_select\", \"mode\": \"hidden\"}",
                "{\"filter_slug\": \"region\", \"filter_kind\": \"select\", \"mode\": \"selectable\", \"allowed_values\": [\"atlantis\"]}",
                "{\"filter_slug\": \"region\", \"filter_kind\": \"select\", \"mode\": \"selectable\", \"allowed_values\": []}",
                "{\"filter_slug\": \"region\", \"filter_kind\": \"select\", \"mode\": \"fixed\"}",
                "{\"filter_slug\": \"period_start\", \"filter_kind\": \"date\", \"mode\": \"fixed\", \"value\": \"soon\"}")) {
            Reply reply = owner.post(shares, "{\"name\": \"bad\", \"share_type\": \"link\", \"share_filter_policies\": ["
                    + "{\"filter_slug\": \"period_end\", \"filter_kind\": \"date\", \"mode\": \"disabled\"}, " + policy + "]}");
            JsonNode error = assertError(reply, 400, "INVALID_REQUEST");
            assertThat(error.at("/details/field").asText()).as(policy).startsWith("share_filter_policies[1]");
        }
        assertThat(owner.get(shares).json().get("shares")).hasSize(before);
    }

    @Test
    void deleting_the_dashboard_cuts_its_links() {
        String id = owner.createDashboard(Owner.demoDashboardDocument().replace("\"slug\": \"sales-overview\"",
                "\"slug\": \"short-lived-" + UUID.randomUUID().toString().substring(0, 8) + "\""));
        String token = owner.publicLink(id, "[]");
        assertThat(resolve(token).status()).isEqualTo(200);

        assertThat(owner.send("DELETE", "/api/v1/dashboards/" + id, null).status()).isEqualTo(204);

        assertCut(token);
    }

    /** Executes and checks the rows against the share's own restriction, whatever ran before. */
    private static void assertOwnRestriction(String token, String parameters, String from, String to) {
        Reply reply = execute(token, parameters);
        String period = "order_date between date '" + from + "' and date '" + to + "'";
        List<String> statuses = statuses(reply);
        String region = reply.json().at("/parameters/region").asText(null);
        JsonNode status = reply.json().at("/parameters/status");
        if (region != null) {
            assertThat(region).isEqualTo("south");
            assertThat(statuses).containsExactly("Active", "Cancelled", "Closed", "Pending");
            assertRevenue(reply, DemoDatabase.totals(period + " and region = 'south'"));
        } else if (status.isArray() && status.get(0).asText().equals("Closed")) {
            assertThat(statuses).containsExactly("Closed");
            assertRevenue(reply, DemoDatabase.totals(period + " and status = 'Closed'"));
        } else if (status.isArray()) {
            assertThat(statuses).containsExactly("Cancelled");
            assertRevenue(reply, DemoDatabase.totals(period + " and status = 'Cancelled'"));
        } else {
            assertThat(statuses).containsExactly("Active", "Cancelled", "Closed", "Pending");
            assertRevenue(reply, DemoDatabase.totals(period));
        }
    }

    private static Reply resolve(String token) {
        return viewer().get("/api/v1/public/shares/" + token + "/resolve");
    }

    private static void assertCut(String token) {
        assertError(resolve(token), 401, "TOKEN_INVALID");
        assertError(execute(token, "{}"), 401, "TOKEN_INVALID");
        assertError(options(token, "status", null), 401, "TOKEN_INVALID");
    }
}
