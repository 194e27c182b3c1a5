package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import io.dashshare.bootstrap.testing.Owner;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guide's Flow 2, its requests copied verbatim (only the placeholders filled in), against the
 * running service with GreenMail as its SMTP server: the code is read from the mail it received.
 */
class EmailSharingFlowTest {

    private static final String GUIDE_EMAIL = "customer@company.com";

    private static ApiClient api;
    private static Owner owner;
    private static String accessToken;
    private static String dashboardId;

    @BeforeAll
    static void login() {
        owner = Owner.acme();
        api = owner.api();
        accessToken = owner.accessToken();
        dashboardId = owner.salesOverviewId();
    }

    @Test
    void the_guides_email_sharing_flow_works_as_written() throws Exception {
        // 1) Create a share context
        Reply context = api.post("/api/v1/share-contexts", """
                {
                "name": "External customers",
                "description": "External customer access"
                }""", "Authorization", bearer(accessToken));
        assertThat(context.status()).as("%s", context).isEqualTo(201);
        String contextId = context.json().get("id").asText();

        // 2) Add an external email member
        Reply member = api.post("/api/v1/share-contexts/" + contextId + "/members", """
                {
                "member_type": "external_email",
                "email": "customer@company.com"
                }""", "Authorization", bearer(accessToken));
        assertThat(member.status()).as("%s", member).isEqualTo(201);
        assertThat(member.json().get("email").asText()).isEqualTo(GUIDE_EMAIL);

        // 3) Create a share bound to this context
        Reply share = api.post("/api/v1/dashboards/" + dashboardId + "/shares", """
                {
                "name": "Customer portal",
                "share_type": "link",
                "share_context_id": "CONTEXT_ID",
                "share_filter_policies": [
                {
                "filter_slug": "status",
                "filter_kind": "multi_select",
                "mode": "selectable",
                "allowed_values": ["Active", "Pending"]
                }
                ]
                }""".replace("CONTEXT_ID", contextId), "Authorization", bearer(accessToken));
        assertThat(share.status()).as("%s", share).isEqualTo(201);
        assertThat(share.json().get("share_context_id").asText()).isEqualTo(contextId);

        // 4) External user authenticates with code: request code
        long mailsBefore = TestService.shared().mailsTo(GUIDE_EMAIL);
        Reply requested = api.post("/api/v1/share-auth/request", """
                {
                "company_slug": "acme",
                "email": "customer@company.com"
                }""");
        assertThat(requested.status()).as("%s", requested).isEqualTo(202);
        String code = TestService.shared().latestCodeFor(GUIDE_EMAIL);
        assertThat(TestService.shared().mailsTo(GUIDE_EMAIL)).isEqualTo(mailsBefore + 1);
        assertThat(code).matches("\\d{4}-\\d{4}");

        // Verify code and get tokens
        Reply verified = api.post("/api/v1/share-auth/verify", """
                {
                "company_slug": "acme",
                "email": "customer@company.com",
                "code": "1234-5678"
                }""".replace("1234-5678", code));
        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        JsonNode tokens = verified.json();
        String shareAccessToken = tokens.get("access_token").asText();
        assertThat(tokens.get("refresh_token").asText()).isNotBlank().isNotEqualTo(shareAccessToken);
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isBetween(1L, 3600L);
        assertThat(ids(tokens.get("contexts"))).contains(contextId);
        assertThat(verified.header("Cache-Control")).hasValue("no-store");

        // 5) Use share portal with share_access: list dashboards for company/contexts
        Reply dashboards = api.get("/api/v1/share-portal/acme/dashboards",
                "Authorization", bearer(shareAccessToken));
        assertThat(dashboards.status()).as("%s", dashboards).isEqualTo(200);
        JsonNode listed = dashboards.json().get("dashboards");
        JsonNode salesOverview = null;
        for (JsonNode dashboard : listed) {
            if (dashboard.get("slug").asText().equals("sales-overview")) {
                salesOverview = dashboard;
            }
        }
        assertThat(salesOverview).as("%s", dashboards).isNotNull();
        assertThat(ids(salesOverview.get("contexts"))).contains(contextId);

        // Execute dashboard
        Reply executed = api.post("/api/v1/share-portal/acme/dashboards/DASHBOARD_SLUG/execute"
                .replace("DASHBOARD_SLUG", "sales-overview"), """
                {
                "context_id": "CONTEXT_ID",
                "parameters": {
                "status": ["Active"]
                }
                }""".replace("CONTEXT_ID", contextId), "Authorization", bearer(shareAccessToken));
        assertThat(executed.status()).as("%s", executed).isEqualTo(200);
        assertThat(PublicLinkPoliciesTest.statuses(executed)).containsExactly("Active");
        assertThat(executed.json().get("widgets")).hasSize(4);

        // The same code a second time is refused.
        assertError(api.post("/api/v1/share-auth/verify", """
                {"company_slug": "acme", "email": "customer@company.com", "code": "%s"}""".formatted(code)), 401,
                "CODE_INVALID");
        assertMailNamesTheCompanyAndLifetime(code);
    }

    @Test
    void the_portal_applies_the_shares_policies_and_checks_the_context_id() {
        String email = Portal.newEmail("policies");
        String context = owner.createContext("Policies");
        owner.addMember(context, email);
        String shareId = owner.createShare(dashboardId, "{\"name\": \"p\", \"share_type\": \"link\", \"share_context_id\": \""
                + context + "\", \"share_filter_policies\": " + PublicLinkPoliciesTest.SELECTABLE + "}").get("id").asText();
        String token = Portal.signIn("acme", email).get("access_token").asText();
        String base = "/api/v1/share-portal/acme/dashboards/sales-overview";

        Reply resolved = Portal.get(base + "?context_id=" + context, token);
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        assertThat(resolved.json().at("/dashboard/slug").asText()).isEqualTo("sales-overview");

        Reply omitted = Portal.post(base + "/execute", "{\"context_id\": \"" + context + "\", \"parameters\": {\"status\": []}}", token);
        assertThat(PublicLinkPoliciesTest.statuses(omitted)).containsExactly("Active", "Pending");
        assertError(Portal.post(base + "/execute", "{\"context_id\": \"" + context
                + "\", \"parameters\": {\"status\": [\"Closed\"]}}", token), 400, "SHARE_FILTER_POLICY_VIOLATION");

        Reply options = Portal.get(base + "/filters/status/options?context_id=" + context + "&search=act", token);
        assertThat(options.json().get("source").asText()).isEqualTo("policy");
        assertThat(PublicLinkPoliciesTest.values(options)).containsExactly("Active");

        String otherContext = owner.createContext("Not theirs");
        for (String contextId : List.of("not-a-uuid", UUID.randomUUID().toString(), otherContext, "")) {
            assertError(Portal.post(base + "/execute", "{\"context_id\": \"" + contextId + "\", \"parameters\": {}}",
                    token), 400, "INVALID_CONTEXT_ID");
            assertError(Portal.get(base + "/filters/status/options?context_id=" + contextId, token), 400,
                    "INVALID_CONTEXT_ID");
        }
        assertError(Portal.post(base + "/execute", "{\"parameters\": {}}", token), 400, "INVALID_CONTEXT_ID");
        // A context of theirs that has no share of this dashboard.
        String unshared = owner.createContext("Member, nothing shared");
        owner.addMember(unshared, email);
        assertError(Portal.post(base + "/execute", "{\"context_id\": \"" + unshared + "\", \"parameters\": {}}", token),
                400, "INVALID_CONTEXT_ID");
        assertError(Portal.get("/api/v1/share-portal/acme/dashboards/no-such-dashboard?context_id=" + context, token),
                404, "NOT_FOUND");

        // Revoking the share takes the dashboard out of the portal at once.
        owner.revokeShare(shareId);
        assertError(Portal.post(base + "/execute", "{\"context_id\": \"" + context + "\", \"parameters\": {}}", token),
                404, "NOT_FOUND");
        assertThat(Portal.get("/api/v1/share-portal/acme/dashboards", token).json().get("dashboards")).isEmpty();
    }

    private static void assertMailNamesTheCompanyAndLifetime(String code) throws Exception {
        MimeMessage mail = null;
        for (MimeMessage message : TestService.shared().mail().getReceivedMessages()) {
            if (GreenMailUtil.getBody(message).contains(code)) {
                mail = message;
            }
        }
        assertThat(mail).isNotNull();
        assertThat(mail.getSubject()).contains("Acme").doesNotContain(code);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("no-reply@sharing.test");
        assertThat(mail.getContent()).isInstanceOf(MimeMultipart.class);
        List<String> types = new ArrayList<>();
        collectTypes((MimeMultipart) mail.getContent(), types);
        assertThat(types).anyMatch(t -> t.startsWith("text/plain")).anyMatch(t -> t.startsWith("text/html"));
        assertThat(GreenMailUtil.getBody(mail)).contains("10 minutes");
    }

    private static void collectTypes(MimeMultipart multipart, List<String> types) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object content = multipart.getBodyPart(i).getContent();
            if (content instanceof MimeMultipart nested) {
                collectTypes(nested, types);
            } else {
                types.add(multipart.getBodyPart(i).getContentType().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
