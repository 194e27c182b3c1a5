package io.dashshare.bootstrap.ops;

import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real start (docs/operations.md, first company): {@code SHARING_ENV=production}, no demo, the
 * first company from the bootstrap variables, the dashboards' database configured as a data
 * source; the guide's Flow 1 end to end on it.
 */
class ProductionStartTest {

    private static final String ADMIN = "ops@prodco.test";
    private static final String PASSWORD = "production admin passphrase";
    private static TestService production;

    /** The data the dashboards query: the shared service's demo schema, as any external database. */
    private static Map<String, String> productionEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("SHARING_ENV", "production");
        env.put("SHARING_DEMO", "false");
        env.put("SHARING_SECRET", "production-start-test-secret-0123456789abcdef");
        env.put("SHARING_BOOTSTRAP_COMPANY_SLUG", "prodco");
        env.put("SHARING_BOOTSTRAP_COMPANY_NAME", "Prod Co");
        env.put("SHARING_ADMIN_EMAIL", ADMIN);
        env.put("SHARING_ADMIN_PASSWORD", PASSWORD);
        env.put("SHARING_DATA_SOURCES_DEMO_URL", TestService.shared().jdbcUrl());
        env.put("SHARING_DATA_SOURCES_DEMO_USER", "postgres");
        env.put("SHARING_DATA_SOURCES_DEMO_PASSWORD", "");
        return env;
    }

    @BeforeAll
    static void start() {
        production = TestService.start(productionEnv());
    }

    @AfterAll
    static void stop() {
        production.close();
    }

    @Test
    void the_bootstrap_admin_signs_in_and_the_guides_flow_1_works_end_to_end() {
        ApiClient api = production.api();
        String access = api.login(ADMIN, PASSWORD);
        JsonNode me = api.get("/api/v1/auth/me", "Authorization", bearer(access)).json();
        assertThat(me.get("company").get("slug").asText()).isEqualTo("prodco");
        assertThat(me.get("role").asText()).isEqualTo("admin");
        assertThat(api.get("/api/v1/dashboards", "Authorization", bearer(access)).json().get("dashboards"))
                .as("no demo dashboard in production").isEmpty();
        String dashboardId = Owner.expect(201, api.post("/api/v1/dashboards", Owner.demoDashboardDocument(),
                "Authorization", bearer(access))).json().get("id").asText();

        Reply created = api.post("/api/v1/dashboards/" + dashboardId + "/shares", """
                {
                "name": "Public link - sales",
                "share_type": "link"
                }""", "Authorization", bearer(access));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("token").asText();
        assertThat(api.get("/api/v1/public/shares/" + token + "/resolve").status()).isEqualTo(200);
        Reply executed = api.post("/api/v1/public/shares/" + token + "/execute", """
                {
                "parameters": {
                "period_start": "2025-01-01",
                "period_end": "2025-12-31"
                }
                }""");
        assertThat(executed.status()).as(executed.toString()).isEqualTo(200);
        assertThat(executed.json().get("widgets").get(0).get("rows").get(0).get(0).decimalValue()).isPositive();
        Reply options = api.get("/api/v1/public/shares/" + token + "/filters/status/options?search=act");
        assertThat(options.json().get("source").asText()).isEqualTo("dynamic");
        assertThat(api.get("/s/" + token).status()).isEqualTo(200);
    }

    @Test
    void a_restart_with_other_bootstrap_values_leaves_the_company_alone() {
        Map<String, String> env = productionEnv();
        env.put("SHARING_DB_URL", production.jdbcUrl());
        env.put("SHARING_DB_USER", "postgres");
        env.put("SHARING_DB_PASSWORD", "");
        env.put("SHARING_BOOTSTRAP_COMPANY_NAME", "Renamed");
        env.put("SHARING_ADMIN_PASSWORD", "another production passphrase");
        try (TestService again = TestService.start(env)) {
            ApiClient api = again.api();
            String access = api.login(ADMIN, PASSWORD);
            assertThat(api.get("/api/v1/company", "Authorization", bearer(access)).json().get("name").asText())
                    .isEqualTo("Prod Co");
        }
    }

    @Test
    void a_weak_bootstrap_password_or_a_short_operator_token_stops_the_start() {
        Map<String, String> weak = productionEnv();
        weak.put("SHARING_BOOTSTRAP_COMPANY_SLUG", "weakco");
        weak.put("SHARING_ADMIN_PASSWORD", "password1234");
        assertThatThrownBy(() -> TestService.start(weak)).hasMessageContaining("SHARING_ADMIN_PASSWORD");

        Map<String, String> shortToken = productionEnv();
        shortToken.put("SHARING_OPERATOR_TOKEN", "too-short");
        assertThatThrownBy(() -> TestService.start(shortToken)).hasStackTraceContaining("at least 32 characters");
    }
}
