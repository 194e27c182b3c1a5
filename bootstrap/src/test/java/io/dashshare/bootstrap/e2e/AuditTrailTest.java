package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.testing.Owner.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log as the running service writes it (docs/api.md, audit event catalogue): public,
 * portal and embed traffic of one company, each with a refused request, then the table read
 * straight over JDBC (the reading API is another route's). Every secret those flows used is
 * looked for in the whole table, every column as text: none may be there.
 */
class AuditTrailTest {

    private static final List<String> SECRETS = new ArrayList<>();
    private static Owner owner;
    private static String companyId;
    private static String dashboardId;
    private static String publicShareId;
    private static String publicRequestId;
    private static String portalShareId;
    private static String contextId;
    private static String viewerEmail;
    private static String embedJti;

    @BeforeAll
    static void traffic() {
        owner = Owner.newCompany("audit");
        SECRETS.add(Owner.PASSWORD);
        SECRETS.add(owner.accessToken());
        companyId = expect(200, owner.get("/api/v1/auth/me")).json().get("company").get("id").asText();
        dashboardId = owner.salesOverviewId();
        ApiClient viewer = PublicLinkPoliciesTest.viewer();

        // Public: a link with a policy; a good execution, resolve, options, a refused value, a revoked link.
        JsonNode link = owner.createShare(dashboardId, """
                {"name": "audit link", "share_type": "link", "share_filter_policies": [
                 {"filter_slug": "region", "filter_kind": "select", "mode": "selectable", "allowed_values": ["north", "south"]}]}""");
        publicShareId = link.get("id").asText();
        String token = link.get("token").asText();
        SECRETS.add(token);
        expect(200, viewer.get("/api/v1/public/shares/" + token + "/resolve"));
        Reply executed = expect(200, viewer.post("/api/v1/public/shares/" + token + "/execute",
                "{\"parameters\": {\"period_start\": \"2025-02-01\", \"region\": \"south\"}}"));
        publicRequestId = executed.header("X-Request-Id").orElseThrow();
        expect(200, viewer.get("/api/v1/public/shares/" + token + "/filters/region/options"));
        expect(400, viewer.post("/api/v1/public/shares/" + token + "/execute",
                "{\"parameters\": {\"region\": \"east\"}}"));
        JsonNode gone = owner.createShare(dashboardId, "{\"name\": \"gone\", \"share_type\": \"link\"}");
        SECRETS.add(gone.get("token").asText());
        owner.revokeShare(gone.get("id").asText());
        expect(401, viewer.get("/api/v1/public/shares/" + gone.get("token").asText() + "/resolve"));

        // Portal: a wrong code, a sign-in, an execution, a refused context, a refresh and a sign-out.
        contextId = owner.createContext("Audit customers");
        viewerEmail = Portal.newEmail("audit");
        owner.addMember(contextId, viewerEmail);
        portalShareId = owner.createShare(dashboardId, "{\"name\": \"portal\", \"share_type\": \"link\", "
                + "\"share_context_id\": \"" + contextId + "\"}").get("id").asText();
        String code = Portal.requestCode(owner.companySlug(), viewerEmail);
        String wrong = code.equals("1111-1111") ? "2222-2222" : "1111-1111";
        expect(401, Portal.verify(owner.companySlug(), viewerEmail, wrong));
        JsonNode tokens = expect(200, Portal.verify(owner.companySlug(), viewerEmail, code)).json();
        SECRETS.addAll(List.of(code, code.replace("-", ""), tokens.get("access_token").asText(),
                tokens.get("refresh_token").asText()));
        String access = tokens.get("access_token").asText();
        String base = "/api/v1/share-portal/" + owner.companySlug() + "/dashboards/sales-overview";
        expect(200, Portal.api().post(base + "/execute", "{\"context_id\": \"" + contextId
                + "\", \"parameters\": {\"region\": \"north\"}}", "Authorization", ApiClient.bearer(access)));
        expect(400, Portal.api().post(base + "/execute", "{\"context_id\": \"" + java.util.UUID.randomUUID()
                + "\"}", "Authorization", ApiClient.bearer(access)));
        JsonNode refreshed = expect(200, Portal.api().post("/api/v1/share-auth/refresh", "{\"refresh_token\": \""
                + tokens.get("refresh_token").asText() + "\"}")).json();
        SECRETS.addAll(List.of(refreshed.get("access_token").asText(), refreshed.get("refresh_token").asText()));
        expect(204, Portal.api().post("/api/v1/share-auth/logout", "{\"refresh_token\": \""
                + refreshed.get("refresh_token").asText() + "\"}", "Authorization",
                ApiClient.bearer(refreshed.get("access_token").asText())));

        // Embed: an API key mints the token; a view, an execution, a refused param, and an expired
        // token the customer's backend signed with a known key.
        JsonNode apiKey = expect(201, owner.post("/api/v1/api-keys", "{\"name\": \"backend\", \"role\": \"editor\"}"))
                .json();
        String keyText = apiKey.get("key").asText();
        SECRETS.add(keyText);
        JsonNode embedKey = owner.createEmbedKey();
        String secret = embedKey.get("secret").asText();
        SECRETS.add(secret);
        String embedToken = expect(201, owner.api().post("/api/v1/embed/dashboards/" + dashboardId,
                "{\"allowed_params\": [\"period_start\"]}", "Authorization", ApiClient.bearer(keyText)))
                .json().get("token").asText();
        SECRETS.add(embedToken);
        SECRETS.add(embedToken.substring(embedToken.lastIndexOf('.') + 1));
        expect(200, viewer.get("/api/embed/d/" + embedToken + "/info"));
        expect(200, viewer.post("/api/embed/d/" + embedToken + "/execute",
                "{\"parameters\": {\"period_start\": \"2025-03-01\"}}"));
        expect(403, viewer.post("/api/embed/d/" + embedToken + "/execute", "{\"parameters\": {\"region\": \"north\"}}"));
        embedJti = jti(embedToken);
        long past = Instant.now().minusSeconds(7200).getEpochSecond();
        Map<String, Object> claims = Jws.embedClaims(owner.companySlug(), dashboardId, "period_start");
        claims.put("iat", past);
        claims.put("exp", past + 600);
        claims.put("jti", "expired-jti-of-the-audit-test");
        String expired = Jws.hs256(Jws.header(embedKey.get("kid").asText()), claims, Base64.getUrlDecoder().decode(secret));
        SECRETS.add(expired);
        expect(401, viewer.get("/api/embed/d/" + expired + "/info"));
    }

    @Test
    void no_token_code_password_key_or_secret_is_anywhere_in_the_table() {
        awaitEvents("embed.viewed", 2);
        List<String> rows = texts("select e::text from sharing.audit_events e");
        assertThat(rows).as("the table holds this test's events").isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(rows).as("no row contains a secret the flows used").noneMatch(row -> row.contains(secret));
        }
    }

    @Test
    void public_traffic_is_in_the_log_with_parameters_rows_client_and_request_id() {
        awaitEvents("dashboard.executed", 5);
        Map<String, String> ok = one("""
                select flow, actor_type, dashboard_id::text as dashboard, parameters->>'period_start' as period_start,
                       parameters->>'region' as region, outcome, row_count::text as rows, client_ip, user_agent
                from sharing.audit_events where company_id = ?::uuid and share_id = ?::uuid
                  and type = 'dashboard.executed' and request_id = ?""", companyId, publicShareId, publicRequestId);
        assertThat(ok).containsEntry("flow", "public").containsEntry("actor_type", "anonymous")
                .containsEntry("dashboard", dashboardId).containsEntry("period_start", "2025-02-01")
                .containsEntry("region", "south").containsEntry("outcome", "ok");
        assertThat(Integer.parseInt(ok.get("rows"))).as("rows of every widget").isPositive();
        assertThat(ok.get("client_ip")).as("the loopback, truncated").isIn("127.0.0.0", "::");
        assertThat(ok.get("user_agent")).isNotBlank();
        assertThat(texts("select outcome from sharing.audit_events where company_id = ?::uuid and share_id = ?::uuid"
                + " order by at", companyId, publicShareId)).containsExactly("ok", "ok", "ok", "ok",
                "SHARE_FILTER_POLICY_VIOLATION");
        assertThat(texts("select type from sharing.audit_events where company_id = ?::uuid and share_id = ?::uuid"
                + " and flow = 'public' order by at", companyId, publicShareId))
                .containsExactly("share.resolved", "dashboard.executed", "filter.options", "dashboard.executed");
        assertThat(texts("select outcome from sharing.audit_events where company_id = ?::uuid and type = "
                + "'share.resolved' and flow = 'public' order by at", companyId)).containsExactly("ok", "TOKEN_INVALID");
    }

    @Test
    void portal_traffic_names_the_viewer_and_the_context() {
        awaitEvents("portal.signed_out", 1);
        assertThat(texts("select type || ' ' || outcome from sharing.audit_events where company_id = ?::uuid"
                + " and flow = 'portal' and actor_email = ? order by at", companyId, viewerEmail)).containsExactly(
                "portal.code_requested ok", "portal.sign_in_failed CODE_INVALID", "portal.signed_in ok",
                "dashboard.executed ok", "dashboard.executed INVALID_CONTEXT_ID", "portal.signed_out ok");
        Map<String, String> executed = one("""
                select actor_type, context_id::text as context, share_id::text as share, parameters->>'region' as region
                from sharing.audit_events where company_id = ?::uuid and flow = 'portal' and type = 'dashboard.executed'
                  and outcome = 'ok'""", companyId);
        assertThat(executed).containsEntry("actor_type", "email").containsEntry("context", contextId)
                .containsEntry("share", portalShareId).containsEntry("region", "north");
    }

    @Test
    void embed_traffic_names_the_tokens_jti_and_sub_and_owner_changes_their_actor() {
        awaitEvents("embed.viewed", 2);
        assertThat(texts("select type || ' ' || outcome || ' ' || coalesce(actor_id, '-') || ' '"
                + " || coalesce(actor_name, '-') from sharing.audit_events where company_id = ?::uuid and flow = 'embed'"
                + " order by at", companyId)).containsExactly(
                "embed.viewed ok " + embedJti + " " + dashboardId,
                "dashboard.executed ok " + embedJti + " " + dashboardId,
                "dashboard.executed FILTER_DISABLED_BY_POLICY " + embedJti + " " + dashboardId,
                "embed.viewed TOKEN_INVALID expired-jti-of-the-audit-test " + dashboardId);
        assertThat(texts("select details->>'reason' from sharing.audit_events where company_id = ?::uuid"
                + " and flow = 'embed' and outcome = 'TOKEN_INVALID'", companyId)).containsExactly("expired");
        assertThat(texts("select actor_type || ' ' || coalesce(actor_name, '-') || ' ' || (details->>'jti')"
                + " from sharing.audit_events where company_id = ?::uuid and type = 'embed.token_issued'", companyId))
                .containsExactly("api_key backend " + embedJti);
        assertThat(texts("select actor_type || ' ' || actor_email from sharing.audit_events where company_id = ?::uuid"
                + " and type = 'share.created' order by at", companyId))
                .containsOnly("owner admin@" + owner.companySlug() + ".test").hasSize(3);
        assertThat(texts("select flow || ' ' || actor_type from sharing.audit_events where company_id = ?::uuid"
                + " and type = 'company.created'", companyId)).containsExactly("operator operator");
    }

    private static String jti(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        int at = payload.indexOf("\"jti\":\"") + 7;
        return payload.substring(at, payload.indexOf('"', at));
    }

    /** Events are written within seconds (docs/api.md): waits for {@code count} of {@code type} of this company. */
    private static void awaitEvents(String type, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            if (texts("select id::text from sharing.audit_events where company_id = ?::uuid and type = ?", companyId,
                    type).size() >= count) {
                return;
            }
            sleepBriefly();
        }
        throw new AssertionError("fewer than " + count + " " + type + " events after 5 s");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> texts(String sql, Object... binds) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> one(String sql, Object... binds) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("one row for %s", sql).isTrue();
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                    row.put(rows.getMetaData().getColumnLabel(c), rows.getString(c));
                }
                assertThat(rows.next()).as("only one row for %s", sql).isFalse();
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestService.shared().jdbcUrl(), "postgres", "");
    }
}
