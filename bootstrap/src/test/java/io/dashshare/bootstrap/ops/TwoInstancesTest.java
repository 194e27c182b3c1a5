package io.dashshare.bootstrap.ops;

import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 / docs/operations.md#several-instances: two service instances on one PostgreSQL behave as one. Instance A runs
 * the embedded database; B is started on it as an operator would start a second node (same
 * SHARING_SECRET, SHARING_DB_URL pointing at A's database).
 */
class TwoInstancesTest {

    private static final String SECRET = "two-instances-test-secret-0123456789abcdef";
    private static TestService first;
    private static TestService second;
    private static ApiClient a;
    private static ApiClient b;
    private static OpsApi opsA;
    private static OpsApi opsB;

    @BeforeAll
    static void start() {
        // Both senders poll the one outbox ten times a second, so that they really do race for each mail.
        Map<String, String> common = Map.of("SHARING_SECRET", SECRET, "SHARING_CACHE_TTL", "0s",
                "SHARING_LIMITS_EXECUTIONS_PER_SHARE_PER_MINUTE", "4", "SHARING_OUTBOX_POLL_INTERVAL", "100ms");
        first = TestService.start(common);
        Map<String, String> env = new HashMap<>(common);
        // One SMTP server for both, as in production: every mail, whichever node sends it, lands in A's GreenMail.
        env.put("SHARING_SMTP_PORT", Integer.toString(first.mail().getSmtp().getPort()));
        env.put("SHARING_DB_URL", first.jdbcUrl());
        env.put("SHARING_DB_USER", "postgres");
        env.put("SHARING_DB_PASSWORD", "");
        env.put("SHARING_DEMO", "true");
        second = TestService.start(env);
        a = first.api();
        b = second.api();
        opsA = new OpsApi(a);
        opsB = new OpsApi(b);
    }

    @AfterAll
    static void stop() {
        try {
            second.close();
        } finally {
            first.close();
        }
    }

    @Test
    void a_code_requested_on_one_instance_is_verified_on_the_other() {
        String email = "two-nodes@partner.test";
        opsA.contextWithMember("Two nodes", email);
        assertThat(a.post("/api/v1/share-auth/request", "{\"company_slug\":\"acme\",\"email\":\"" + email + "\"}")
                .status()).isEqualTo(202);
        String code = first.latestCodeFor(email);

        Reply verified = b.post("/api/v1/share-auth/verify",
                "{\"company_slug\":\"acme\",\"email\":\"" + email + "\",\"code\":\"" + code + "\"}");

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        String access = verified.json().get("access_token").asText();
        assertThat(a.get("/api/v1/share-portal/acme/dashboards", "Authorization", bearer(access)).status())
                .as("the access token from B works on A").isEqualTo(200);
        Reply refreshed = a.post("/api/v1/share-auth/refresh",
                "{\"refresh_token\":\"" + verified.json().get("refresh_token").asText() + "\"}");
        assertThat(refreshed.status()).as("B's refresh token rotates on A").isEqualTo(200);
    }

    @Test
    void two_instances_sharing_the_outbox_send_each_mail_exactly_once() throws Exception {
        List<String> emails = new ArrayList<>();
        String context = opsA.contextWithMember("Outbox race", "race-0@partner.test");
        emails.add("race-0@partner.test");
        for (int i = 1; i < 12; i++) {
            String email = "race-" + i + "@partner.test";
            opsA.api.post("/api/v1/share-contexts/" + context + "/members",
                    "{\"member_type\":\"external_email\",\"email\":\"" + email + "\"}", "Authorization",
                    bearer(opsA.owner));
            emails.add(email);
        }

        for (int i = 0; i < emails.size(); i++) {
            ApiClient node = i % 2 == 0 ? a : b;
            assertThat(node.post("/api/v1/share-auth/request", "{\"company_slug\":\"acme\",\"email\":\""
                    + emails.get(i) + "\"}").status()).isEqualTo(202);
        }
        for (String email : emails) {
            first.latestCodeFor(email);
        }
        Thread.sleep(1500);

        for (String email : emails) {
            assertThat(first.mailsTo(email)).as("mails to %s", email).isEqualTo(1);
        }
        assertThat(sent(a) + sent(b)).as("sent by A and by B").isGreaterThanOrEqualTo(emails.size());
    }

    @Test
    void a_session_revoked_on_one_instance_is_refused_by_the_other_at_once() {
        String email = "revoked-session@partner.test";
        String context = opsA.contextWithMember("Revoked session", email);
        assertThat(a.post("/api/v1/share-auth/request", "{\"company_slug\":\"acme\",\"email\":\"" + email + "\"}")
                .status()).isEqualTo(202);
        JsonNode tokens = b.post("/api/v1/share-auth/verify", "{\"company_slug\":\"acme\",\"email\":\"" + email
                + "\",\"code\":\"" + first.latestCodeFor(email) + "\"}").json();
        String access = tokens.get("access_token").asText();
        assertThat(b.get("/api/v1/share-portal/acme/dashboards", "Authorization", bearer(access)).status())
                .isEqualTo(200);
        JsonNode sessions = OpsApi.ok(a.get("/api/v1/share-contexts/" + context + "/sessions", "Authorization",
                bearer(opsA.owner)), 200).get("sessions");
        assertThat(sessions).hasSize(1);

        assertThat(a.send("DELETE", "/api/v1/share-contexts/" + context + "/sessions/" + sessions.get(0).get("id")
                .asText(), null, "Authorization", bearer(opsA.owner)).status()).isEqualTo(204);

        Reply onB = b.get("/api/v1/share-portal/acme/dashboards", "Authorization", bearer(access));
        assertThat(onB.status()).isEqualTo(401);
        assertThat(onB.errorCode()).isEqualTo("TOKEN_INVALID");
        assertThat(b.post("/api/v1/share-auth/refresh", "{\"refresh_token\":\"" + tokens.get("refresh_token").asText()
                + "\"}").status()).isEqualTo(401);
    }

    @Test
    void a_member_removed_and_a_session_revoked_on_one_instance_are_refused_by_the_others_dashboard_read_at_once() {
        String email = "removed-member@partner.test";
        String removed = opsA.contextWithMember("Removed member", email);
        String kept = opsA.contextWithMember("Kept member", email);
        a.post("/api/v1/share-auth/request", "{\"company_slug\":\"acme\",\"email\":\"" + email + "\"}");
        String access = b.post("/api/v1/share-auth/verify", "{\"company_slug\":\"acme\",\"email\":\"" + email
                + "\",\"code\":\"" + first.latestCodeFor(email) + "\"}").json().get("access_token").asText();
        String read = "/api/v1/share-portal/acme/dashboards/sales-overview?context_id=";
        // Read twice on B through each context, so that B holds whatever it keeps of them.
        for (int i = 0; i < 2; i++) {
            assertThat(b.get(read + removed, "Authorization", bearer(access)).status()).isEqualTo(200);
            assertThat(b.get(read + kept, "Authorization", bearer(access)).status()).isEqualTo(200);
        }
        String member = OpsApi.ok(a.get("/api/v1/share-contexts/" + removed + "/members", "Authorization",
                bearer(opsA.owner)), 200).get("members").get(0).get("id").asText();

        assertThat(a.send("DELETE", "/api/v1/share-contexts/" + removed + "/members/" + member, null,
                "Authorization", bearer(opsA.owner)).status()).isEqualTo(204);

        Reply throughRemoved = b.get(read + removed, "Authorization", bearer(access));
        assertThat(throughRemoved.status()).as(throughRemoved.toString()).isEqualTo(400);
        assertThat(throughRemoved.errorCode()).isEqualTo("INVALID_CONTEXT_ID");
        assertThat(b.get(read + kept, "Authorization", bearer(access)).status()).isEqualTo(200);

        JsonNode sessions = OpsApi.ok(a.get("/api/v1/share-contexts/" + kept + "/sessions", "Authorization",
                bearer(opsA.owner)), 200).get("sessions");
        assertThat(a.send("DELETE", "/api/v1/share-contexts/" + kept + "/sessions/" + sessions.get(0).get("id")
                .asText(), null, "Authorization", bearer(opsA.owner)).status()).isEqualTo(204);
        assertRefused(b.get(read + kept, "Authorization", bearer(access)));
    }

    private static double sent(ApiClient node) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^sharing_mail_outbox_total\\{kind=\"one_time_code\",outcome=\"sent\"} ([0-9.E+-]+)$",
                java.util.regex.Pattern.MULTILINE).matcher(node.get("/prometheus").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void execution_limits_are_shared_between_the_instances() {
        String token = opsA.publicShare("shared quota")[1];
        assertThat(opsA.execute(token, "{}").status()).isEqualTo(200);
        assertThat(opsB.execute(token, "{}").status()).isEqualTo(200);
        assertThat(opsA.execute(token, "{}").status()).isEqualTo(200);
        assertThat(opsB.execute(token, "{}").status()).isEqualTo(200);

        Reply onA = opsA.execute(token, "{}");
        Reply onB = opsB.execute(token, "{}");

        assertThat(onA.status()).isEqualTo(429);
        assertThat(onB.status()).isEqualTo(429);
        assertThat(onB.header("Retry-After")).isPresent();
    }

    @Test
    void a_share_revoked_on_one_instance_is_refused_by_the_other_at_once() {
        String[] share = opsA.publicShare("revoked on A");
        assertThat(b.get("/api/v1/public/shares/" + share[1] + "/resolve").status()).isEqualTo(200);

        assertThat(a.send("DELETE", "/api/v1/shares/" + share[0], null, "Authorization", bearer(opsA.owner))
                .status()).isEqualTo(200);

        Reply onB = b.get("/api/v1/public/shares/" + share[1] + "/resolve");
        assertThat(onB.status()).isEqualTo(401);
        assertThat(onB.errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void embed_keys_rotated_on_one_instance_are_seen_by_the_other() {
        String oldToken = opsA.embedToken();
        assertThat(b.get("/api/embed/d/" + oldToken + "/info").status()).isEqualTo(200);

        String newKid = OpsApi.ok(a.post("/api/v1/embed/keys", null, "Authorization", bearer(opsA.owner)), 201)
                .get("kid").asText();
        for (JsonNode key : OpsApi.ok(a.get("/api/v1/embed/keys", "Authorization", bearer(opsA.owner)), 200)
                .get("keys")) {
            if (key.get("active").asBoolean() && !key.get("kid").asText().equals(newKid)) {
                OpsApi.ok(a.post("/api/v1/embed/keys/" + key.get("kid").asText() + "/retire", null,
                        "Authorization", bearer(opsA.owner)), 200);
            }
        }

        assertThat(b.get("/api/embed/d/" + oldToken + "/info").status())
                .as("a token of the retired key, on B").isEqualTo(401);
        String newToken = opsA.embedToken();
        assertThat(b.get("/api/embed/d/" + newToken + "/info").status()).isEqualTo(200);
        String fromB = opsB.embedToken();
        assertThat(a.get("/api/embed/d/" + fromB + "/info").status())
                .as("B signs with the key A created").isEqualTo(200);
    }

    @Test
    void a_company_suspended_on_one_instance_is_refused_by_the_other_at_once_and_restored_on_reactivation() {
        String token = opsA.publicShare("suspension")[1];
        String embed = opsA.embedToken();
        String email = "suspended-viewer@partner.test";
        opsA.contextWithMember("Suspension", email);
        a.post("/api/v1/share-auth/request", "{\"company_slug\":\"acme\",\"email\":\"" + email + "\"}");
        String portal = b.post("/api/v1/share-auth/verify", "{\"company_slug\":\"acme\",\"email\":\"" + email
                + "\",\"code\":\"" + first.latestCodeFor(email) + "\"}").json().get("access_token").asText();
        String acmeId = a.get("/api/v1/company", "Authorization", bearer(opsA.owner)).json().get("id").asText();
        String[] operator = {"Authorization", bearer(TestService.OPERATOR_TOKEN)};

        assertThat(a.send("PATCH", "/api/v1/operator/companies/" + acmeId, "{\"status\":\"suspended\"}", operator)
                .json().get("status").asText()).isEqualTo("suspended");
        try {
            assertRefused(b.get("/api/v1/public/shares/" + token + "/resolve"));
            assertRefused(b.get("/api/embed/d/" + embed + "/info"));
            assertRefused(b.get("/api/v1/share-portal/acme/dashboards", "Authorization", bearer(portal)));
            assertRefused(b.get("/api/v1/dashboards", "Authorization", bearer(opsB.owner)));
            long mails = first.mailsTo(email);
            assertThat(b.post("/api/v1/share-auth/request", "{\"company_slug\":\"acme\",\"email\":\"" + email
                    + "\"}").status()).isEqualTo(202);
            assertThat(first.mailsTo(email)).as("nothing is sent for a suspended company").isEqualTo(mails);
        } finally {
            a.send("PATCH", "/api/v1/operator/companies/" + acmeId, "{\"status\":\"active\"}", operator);
        }

        assertThat(b.get("/api/v1/public/shares/" + token + "/resolve").status()).isEqualTo(200);
        assertThat(b.get("/api/embed/d/" + embed + "/info").status()).isEqualTo(200);
        assertThat(b.get("/api/v1/share-portal/acme/dashboards", "Authorization", bearer(portal)).status())
                .isEqualTo(200);
        assertThat(b.get("/api/v1/dashboards", "Authorization", bearer(opsB.owner)).status()).isEqualTo(200);
    }

    private static void assertRefused(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.errorCode()).as(reply.toString()).isEqualTo("TOKEN_INVALID");
    }
}
