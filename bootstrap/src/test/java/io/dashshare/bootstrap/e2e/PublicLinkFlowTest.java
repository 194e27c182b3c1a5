package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guide's Flow 1, its requests copied verbatim, against the running service and the demo. */
class PublicLinkFlowTest {

    private static ApiClient api;
    private static String accessToken;
    private static String dashboardId;

    @BeforeAll
    static void login() {
        api = TestService.shared().api();
        accessToken = api.login(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD);
        dashboardId = api.get("/api/v1/dashboards", "Authorization", bearer(accessToken)).json()
                .get("dashboards").get(0).get("id").asText();
    }

    @Test
    void the_guides_public_link_flow_works_as_written() {
        Reply created = api.post("/api/v1/dashboards/" + dashboardId + "/shares", """
                {
                "name": "Public link - sales",
                "share_type": "link"
                }""", "Authorization", bearer(accessToken));
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asText();
        assertThat(created.json().get("url").asText()).endsWith("/s/" + token);

        Reply resolved = api.get("/api/v1/public/shares/" + token + "/resolve");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().get("dashboard").get("widgets")).hasSize(4);

        Reply executed = api.post("/api/v1/public/shares/" + token + "/execute", """
                {
                "parameters": {
                "period_start": "2025-01-01",
                "period_end": "2025-12-31"
                }
                }""");
        assertThat(executed.status()).isEqualTo(200);
        JsonNode widgets = executed.json().get("widgets");
        assertThat(widgets).hasSize(4);
        assertThat(widgets.get(0).get("rows").get(0).get(0).decimalValue()).isPositive();
        assertThat(executed.json().get("parameters").get("period_start").asText()).isEqualTo("2025-01-01");

        Reply options = api.get("/api/v1/public/shares/" + token + "/filters/status/options?search=act");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.json().get("source").asText()).isEqualTo("dynamic");
        assertThat(options.json().get("options").get(0).get("value").asText()).isEqualTo("Active");
    }
}
