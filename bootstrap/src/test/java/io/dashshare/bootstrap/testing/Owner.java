package io.dashshare.bootstrap.testing;

import static io.dashshare.bootstrap.testing.ApiClient.bearer;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An owner signed in to the running service: the demo's admin of {@code acme}, or the admin of a
 * fresh company made for one test class (so that key rotation, embed origins and tenant checks
 * never disturb the demo company other tests use). Every call checks its status, so tests read
 * as the guide's steps.
 */
public final class Owner {

    public static final String PASSWORD = "owner-test-password-1";
    private static final AtomicInteger COMPANIES = new AtomicInteger();

    private final ApiClient api;
    private final String accessToken;
    private final String companySlug;

    private Owner(ApiClient api, String accessToken, String companySlug) {
        this.api = api;
        this.accessToken = accessToken;
        this.companySlug = companySlug;
    }

    /** The demo admin of {@code acme} on the shared service. */
    public static Owner acme() {
        return acme(TestService.shared().api());
    }

    /** The demo admin of {@code acme} on the service {@code api} talks to (ops tests start their own). */
    public static Owner acme(ApiClient api) {
        return new Owner(api, api.login(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD), "acme");
    }

    /**
     * A new company with its own admin, made as a platform makes one (docs/api.md, operator): the
     * operator API creates it, the admin's invite arrives by SMTP, the admin accepts it with
     * {@link #PASSWORD}; then a copy of the demo dashboard is made over the owner API.
     */
    public static Owner newCompany(String prefix) {
        TestService service = TestService.shared();
        String slug = prefix + "-" + COMPANIES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + slug + ".test";
        expect(201, service.api().post("/api/v1/operator/companies", "{\"slug\": \"" + slug
                + "\", \"name\": \"Company " + slug + "\", \"admin_email\": \"" + email + "\"}",
                "Authorization", bearer(TestService.OPERATOR_TOKEN)));
        String invite = service.latestInviteTokenFor(email);
        String token = expect(200, service.api().post("/api/v1/auth/accept-invite", "{\"token\": \"" + invite
                + "\", \"password\": \"" + PASSWORD + "\"}")).json().get("access_token").asText();
        Owner owner = new Owner(service.api(), token, slug);
        owner.createDashboard(demoDashboardDocument());
        return owner;
    }

    /** Another owner of this company, invited with {@code role} and signed in after accepting by mail. */
    public Owner invite(String email, String role) {
        TestService service = TestService.shared();
        expect(201, post("/api/v1/owners", "{\"email\": \"" + email + "\", \"role\": \"" + role + "\"}"));
        String invite = service.latestInviteTokenFor(email);
        String token = expect(200, api.post("/api/v1/auth/accept-invite", "{\"token\": \"" + invite
                + "\", \"password\": \"" + PASSWORD + "\"}")).json().get("access_token").asText();
        return new Owner(api, token, companySlug);
    }

    /** The same company as another bearer (an API key, a second session). */
    public Owner as(String bearerToken) {
        return new Owner(api, bearerToken, companySlug);
    }

    public static String demoDashboardDocument() {
        try (InputStream in = Owner.class.getClassLoader().getResourceAsStream("demo/sales-overview.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApiClient api() {
        return api;
    }

    public String accessToken() {
        return accessToken;
    }

    public String companySlug() {
        return companySlug;
    }

    public Reply get(String path) {
        return api.get(path, "Authorization", bearer(accessToken));
    }

    public Reply post(String path, String body) {
        return api.post(path, body, "Authorization", bearer(accessToken));
    }

    public Reply send(String method, String path, String body) {
        return api.send(method, path, body, "Authorization", bearer(accessToken));
    }

    /** The id of the company's {@code sales-overview} dashboard. */
    public String salesOverviewId() {
        for (JsonNode dashboard : expect(200, get("/api/v1/dashboards")).json().get("dashboards")) {
            if (dashboard.get("slug").asText().equals("sales-overview")) {
                return dashboard.get("id").asText();
            }
        }
        throw new AssertionError("no sales-overview dashboard in " + companySlug);
    }

    /** Creates a dashboard from a document; answers its id. */
    public String createDashboard(String document) {
        return expect(201, post("/api/v1/dashboards", document)).json().get("id").asText();
    }

    /** Creates a share; answers the 201 body (id, token, url, ...). */
    public JsonNode createShare(String dashboardId, String body) {
        return expect(201, post("/api/v1/dashboards/" + dashboardId + "/shares", body)).json();
    }

    /** A public link share with the given {@code share_filter_policies} JSON array; answers its token. */
    public String publicLink(String dashboardId, String policiesJson) {
        return createShare(dashboardId, "{\"name\": \"link\", \"share_type\": \"link\", \"share_filter_policies\": "
                + policiesJson + "}").get("token").asText();
    }

    public String createContext(String name) {
        return expect(201, post("/api/v1/share-contexts", "{\"name\": \"" + name + "\"}")).json().get("id").asText();
    }

    public String addMember(String contextId, String email) {
        return expect(201, post("/api/v1/share-contexts/" + contextId + "/members",
                "{\"member_type\": \"external_email\", \"email\": \"" + email + "\"}")).json().get("id").asText();
    }

    /** An {@code email_domain} member: everyone exactly at {@code domain}. Answers the member's id. */
    public String addDomainMember(String contextId, String domain) {
        return expect(201, post("/api/v1/share-contexts/" + contextId + "/members",
                "{\"member_type\": \"email_domain\", \"domain\": \"" + domain + "\"}")).json().get("id").asText();
    }

    /** A new embed signing key of the company; answers the 201 body (kid, secret, ...). */
    public JsonNode createEmbedKey() {
        return expect(201, post("/api/v1/embed/keys", null)).json();
    }

    /** An embed token minted by our API; {@code body} is the request of the guide's Flow 3. */
    public String embedToken(String dashboardId, String body) {
        return expect(201, post("/api/v1/embed/dashboards/" + dashboardId, body)).json().get("token").asText();
    }

    /** A link share of the demo dashboard; {@code extraMembers} go into the body, e.g. {@code "share_filter_policies": [...]}. */
    public JsonNode linkShare(String extraMembers) {
        return linkShare(salesOverviewId(), extraMembers);
    }

    public JsonNode linkShare(String dashboardId, String extraMembers) {
        return createShare(dashboardId, "{\"name\": \"link\", \"share_type\": \"link\""
                + (extraMembers.isEmpty() ? "" : ", " + extraMembers) + "}");
    }

    public void patchShare(String shareId, String body) {
        expect(200, send("PATCH", "/api/v1/shares/" + shareId, body));
    }

    public void revokeShare(String shareId) {
        expect(200, send("DELETE", "/api/v1/shares/" + shareId, null));
    }

    public void deleteDashboard(String dashboardId) {
        expect(204, send("DELETE", "/api/v1/dashboards/" + dashboardId, null));
    }

    /** An embed of the demo dashboard; answers the 201 body (token, embed_url, expires_at). */
    public JsonNode embed(String body) {
        return expect(201, post("/api/v1/embed/dashboards/" + salesOverviewId(), body)).json();
    }

    public List<String> embedOrigins() {
        List<String> origins = new ArrayList<>();
        expect(200, get("/api/v1/company")).json().get("embed_origins").forEach(o -> origins.add(o.asText()));
        return origins;
    }

    public void setEmbedOrigins(List<String> origins) {
        StringBuilder body = new StringBuilder("{\"embed_origins\":[");
        for (int i = 0; i < origins.size(); i++) {
            body.append(i == 0 ? "" : ",").append('"').append(origins.get(i)).append('"');
        }
        expect(200, send("PUT", "/api/v1/company/embed-origins", body.append("]}").toString()));
    }

    /** The total revenue the public API computes for these parameters, to compare with a page. */
    public BigDecimal totalRevenue(String shareToken, String parametersJson) {
        Reply reply = expect(200, api.post("/api/v1/public/shares/" + shareToken + "/execute",
                "{\"parameters\":" + parametersJson + "}"));
        for (JsonNode widget : reply.json().get("widgets")) {
            if (widget.get("slug").asText().equals("total_revenue")) {
                return widget.get("rows").get(0).get(0).decimalValue();
            }
        }
        throw new AssertionError("no total_revenue widget: " + reply);
    }

    public static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " but got " + reply);
        }
        return reply;
    }
}
