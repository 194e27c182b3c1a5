package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A company adopts the service (docs/api.md, operator, owners, API keys): the operator makes it,
 * the admin's invite arrives by SMTP (GreenMail), the team is invited and each role is held to
 * its row of the role table on the running service.
 */
class TeamsAndRolesTest {

    private static final String GOOD_PASSWORD = "lighthouse keeper in november";

    private static TestService service;
    private static ApiClient api;

    @BeforeAll
    static void shared() {
        service = TestService.shared();
        api = service.api();
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Reply operator(String method, String path, String body) {
        return api.send(method, path, body, "Authorization", bearer(TestService.OPERATOR_TOKEN));
    }

    @Test
    void the_operator_creates_a_company_whose_admin_accepts_the_mailed_invite_with_a_weak_then_a_good_password() {
        String slug = slug("adopter");
        String email = "first-admin@" + slug + ".test";
        Reply created = operator("POST", "/api/v1/operator/companies",
                "{\"slug\": \"" + slug + "\", \"name\": \"Adopter\", \"admin_email\": \"" + email + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("status").asText()).isEqualTo("active");
        assertThat(body.get("admin").get("status").asText()).isEqualTo("invited");
        assertThat(body.get("admin").get("role").asText()).isEqualTo("admin");
        assertThat(body.get("invite_url").asText()).startsWith(service.baseUrl() + "/console/invite#");

        String token = service.latestInviteTokenFor(email);
        assertThat(body.get("invite_url").asText()).endsWith("#" + token);
        Reply weak = api.post("/api/v1/auth/accept-invite",
                "{\"token\": \"" + token + "\", \"password\": \"password1234\"}");
        assertError(weak, 400, "INVALID_REQUEST");
        assertThat(weak.json().get("details").get("field").asText()).isEqualTo("password");
        assertThat(weak.json().get("details").get("reason").asText()).isEqualTo("common");
        Reply accepted = api.post("/api/v1/auth/accept-invite",
                "{\"token\": \"" + token + "\", \"password\": \"" + GOOD_PASSWORD + "\"}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertError(api.post("/api/v1/auth/accept-invite",
                "{\"token\": \"" + token + "\", \"password\": \"" + GOOD_PASSWORD + "\"}"), 401, "TOKEN_INVALID");

        JsonNode me = api.get("/api/v1/auth/me", "Authorization", bearer(accepted.json().get("access_token").asText()))
                .json();
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("role").asText()).isEqualTo("admin");
        assertThat(me.get("company").get("slug").asText()).isEqualTo(slug);
        assertThat(api.login(email, GOOD_PASSWORD)).isNotBlank();
        JsonNode listed = operator("GET", "/api/v1/operator/companies", null).json().get("companies");
        assertThat(listed.findValuesAsText("slug")).contains(slug);
        assertError(operator("POST", "/api/v1/operator/companies",
                "{\"slug\": \"" + slug + "\", \"name\": \"Again\", \"admin_email\": \"x@" + slug + ".test\"}"),
                409, "CONFLICT");
    }

    @Test
    void each_role_may_what_its_row_says_and_gets_403_elsewhere() {
        Owner admin = Owner.newCompany("roles");
        Owner editor = admin.invite("editor@" + admin.companySlug() + ".test", "editor");
        Owner viewer = admin.invite("viewer@" + admin.companySlug() + ".test", "viewer");
        String dashboard = admin.salesOverviewId();
        String share = "{\"name\": \"r\", \"share_type\": \"link\"}";

        assertThat(viewer.get("/api/v1/dashboards").status()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/dashboards/" + dashboard + "/execute", "{\"parameters\": {}}").status())
                .isEqualTo(200);
        assertError(viewer.post("/api/v1/dashboards", Owner.demoDashboardDocument()), 403, "FORBIDDEN");
        assertError(viewer.post("/api/v1/dashboards/" + dashboard + "/shares", share), 403, "FORBIDDEN");
        assertError(viewer.post("/api/v1/share-contexts", "{\"name\": \"x\"}"), 403, "FORBIDDEN");
        assertError(viewer.post("/api/v1/embed/dashboards/" + dashboard, "{}"), 403, "FORBIDDEN");
        assertError(viewer.get("/api/v1/owners"), 403, "FORBIDDEN");
        assertError(viewer.get("/api/v1/api-keys"), 403, "FORBIDDEN");

        assertThat(editor.post("/api/v1/dashboards/" + dashboard + "/shares", share).status()).isEqualTo(201);
        assertThat(editor.post("/api/v1/share-contexts", "{\"name\": \"Editor's\"}").status()).isEqualTo(201);
        assertThat(editor.post("/api/v1/embed/dashboards/" + dashboard, "{}").status()).isEqualTo(201);
        assertError(editor.get("/api/v1/owners"), 403, "FORBIDDEN");
        assertError(editor.post("/api/v1/api-keys", "{\"name\": \"k\", \"role\": \"viewer\"}"), 403, "FORBIDDEN");
        assertError(editor.post("/api/v1/embed/keys", null), 403, "FORBIDDEN");
        assertError(editor.send("PUT", "/api/v1/company/embed-origins", "{\"embed_origins\": []}"), 403, "FORBIDDEN");

        JsonNode owners = admin.get("/api/v1/owners").json().get("owners");
        assertThat(owners.findValuesAsText("role")).containsExactlyInAnyOrder("admin", "editor", "viewer");
        assertThat(owners.findValuesAsText("status")).containsOnly("active");
    }

    @Test
    void the_last_admin_stays_and_a_disabled_or_removed_owner_is_refused_at_once() {
        Owner admin = Owner.newCompany("lastadmin");
        String adminId = admin.get("/api/v1/auth/me").json().get("id").asText();
        assertError(admin.send("PATCH", "/api/v1/owners/" + adminId, "{\"role\": \"editor\"}"), 409, "CONFLICT");
        assertError(admin.send("PATCH", "/api/v1/owners/" + adminId, "{\"status\": \"disabled\"}"), 409, "CONFLICT");
        assertError(admin.send("DELETE", "/api/v1/owners/" + adminId, null), 409, "CONFLICT");

        Owner editor = admin.invite("editor@" + admin.companySlug() + ".test", "editor");
        String editorId = editor.get("/api/v1/auth/me").json().get("id").asText();
        Reply disabled = admin.send("PATCH", "/api/v1/owners/" + editorId, "{\"status\": \"disabled\"}");
        assertThat(disabled.json().get("status").asText()).isEqualTo("disabled");
        assertError(editor.get("/api/v1/dashboards"), 401, "TOKEN_INVALID");
        assertError(api.post("/api/v1/auth/login", "{\"email\": \"editor@" + admin.companySlug()
                + ".test\", \"password\": \"" + Owner.PASSWORD + "\"}"), 401, "UNAUTHENTICATED");
        admin.send("PATCH", "/api/v1/owners/" + editorId, "{\"status\": \"active\"}");
        assertError(editor.get("/api/v1/dashboards"), 401, "TOKEN_INVALID");
        Owner back = editor.as(api.login("editor@" + admin.companySlug() + ".test", Owner.PASSWORD));
        assertThat(back.get("/api/v1/dashboards").status()).isEqualTo(200);

        assertThat(admin.send("DELETE", "/api/v1/owners/" + editorId, null).status()).isEqualTo(204);
        assertError(back.get("/api/v1/dashboards"), 401, "TOKEN_INVALID");
        String invite = "{\"email\": \"viewer@" + admin.companySlug() + ".test\", \"role\": \"viewer\"}";
        assertThat(admin.post("/api/v1/owners", invite).status()).isEqualTo(201);
        assertError(admin.post("/api/v1/owners", invite), 409, "CONFLICT");
    }

    @Test
    void an_api_key_mints_embed_tokens_within_its_role_and_is_refused_on_viewer_and_operator_routes() throws Exception {
        Owner admin = Owner.newCompany("keys");
        Reply created = admin.post("/api/v1/api-keys", "{\"name\": \"embed backend\", \"role\": \"editor\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String key = created.json().get("key").asText();
        assertThat(key).startsWith("dsk_");
        assertThat(created.json().get("prefix").asText()).isEqualTo(key.substring(0, 12));
        Owner backend = admin.as(key);

        JsonNode me = backend.get("/api/v1/auth/me").json();
        assertThat(me.get("api_key").get("name").asText()).isEqualTo("embed backend");
        assertThat(me.get("role").asText()).isEqualTo("editor");
        Reply minted = backend.post("/api/v1/embed/dashboards/" + admin.salesOverviewId(), "{}");
        assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
        String embedToken = minted.json().get("token").asText();
        assertThat(api.get("/api/embed/d/" + embedToken + "/info").status()).isEqualTo(200);
        assertError(backend.get("/api/v1/api-keys"), 403, "FORBIDDEN");

        assertError(api.get("/api/v1/share-portal/" + admin.companySlug() + "/dashboards", "Authorization",
                bearer(key)), 401, "TOKEN_INVALID");
        assertError(api.get("/api/embed/d/" + key + "/info"), 401, "TOKEN_INVALID");
        assertError(api.get("/api/v1/public/shares/" + key + "/resolve"), 401, "TOKEN_INVALID");
        assertError(api.get("/api/v1/operator/companies", "Authorization", bearer(key)), 401, "TOKEN_INVALID");

        JsonNode listed = awaitLastUsed(admin);
        assertThat(listed.get("last_used_at").isNull()).isFalse();
        assertThat(listed.has("key")).isFalse();

        String id = created.json().get("id").asText();
        assertThat(admin.send("DELETE", "/api/v1/api-keys/" + id, null).status()).isEqualTo(204);
        assertError(backend.get("/api/v1/dashboards"), 401, "TOKEN_INVALID");
        assertThat(admin.get("/api/v1/api-keys").json().get("api_keys").get(0).get("revoked_at").isNull()).isFalse();
    }

    private static JsonNode awaitLastUsed(Owner admin) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            JsonNode key = admin.get("/api/v1/api-keys").json().get("api_keys").get(0);
            if (!key.get("last_used_at").isNull() || Instant.now().isAfter(deadline)) {
                return key;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void eleven_wrong_logins_of_one_account_are_answered_429_with_retry_after() {
        Owner admin = Owner.newCompany("throttle");
        String email = "admin@" + admin.companySlug() + ".test";
        for (int i = 0; i < 10; i++) {
            assertError(api.post("/api/v1/auth/login", "{\"email\": \"" + email + "\", \"password\": \"wrong-" + i
                    + "\"}"), 401, "UNAUTHENTICATED");
        }
        Reply limited = api.post("/api/v1/auth/login",
                "{\"email\": \"" + email + "\", \"password\": \"" + Owner.PASSWORD + "\"}");
        assertError(limited, 429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(admin.get("/api/v1/dashboards").status()).as("tokens already issued keep working").isEqualTo(200);
    }

    @Test
    void a_password_change_keeps_only_the_token_that_made_it_and_logout_ends_that_one() {
        Owner admin = Owner.newCompany("password");
        String email = "admin@" + admin.companySlug() + ".test";
        Owner second = admin.as(api.login(email, Owner.PASSWORD));

        Reply changed = admin.post("/api/v1/auth/password", "{\"current_password\": \"" + Owner.PASSWORD
                + "\", \"new_password\": \"" + GOOD_PASSWORD + "\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(admin.get("/api/v1/dashboards").status()).isEqualTo(200);
        assertError(second.get("/api/v1/dashboards"), 401, "TOKEN_INVALID");
        assertError(api.post("/api/v1/auth/login", "{\"email\": \"" + email + "\", \"password\": \""
                + Owner.PASSWORD + "\"}"), 401, "UNAUTHENTICATED");
        Owner third = admin.as(api.login(email, GOOD_PASSWORD));

        assertThat(admin.post("/api/v1/auth/logout", null).status()).isEqualTo(204);
        assertError(admin.get("/api/v1/dashboards"), 401, "TOKEN_INVALID");
        assertThat(third.get("/api/v1/dashboards").status()).isEqualTo(200);
        assertError(third.post("/api/v1/auth/password", "{\"current_password\": \"nope\", \"new_password\": \""
                + GOOD_PASSWORD + "x\"}"), 400, "INVALID_REQUEST");
    }
}
