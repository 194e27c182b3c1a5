package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.assertRevenue;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.statuses;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.values;
import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guide's Flow 3, its requests copied verbatim, and the embed rows of docs/filters.md through
 * the embed info, execute and options routes with tokens our API mints.
 */
class EmbedFlowTest {

    private static final String PERIOD_2025 = "order_date between date '2025-01-01' and date '2025-12-31'";

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
    void the_guides_embed_flow_works_as_written() {
        // 1) Generate token/embed URL
        Instant before = Instant.now();
        Reply generated = api.post("/api/v1/embed/dashboards/DASHBOARD_ID".replace("DASHBOARD_ID", dashboardId), """
                {
                "allowed_params": ["period_start", "period_end"],
                "required_params": ["period_start", "period_end"],
                "expires_in": 3600
                }""", "Authorization", bearer(accessToken));
        assertThat(generated.status()).as("%s", generated).isEqualTo(201);
        assertThat(generated.header("Cache-Control")).hasValue("no-store");
        String token = generated.json().get("token").asText();
        assertThat(generated.json().get("embed_url").asText()).contains(token).contains("/embed/d/");
        Instant expiresAt = Instant.parse(generated.json().get("expires_at").asText());
        assertThat(expiresAt).isBetween(before.plusSeconds(3590), Instant.now().plusSeconds(3610));
        assertThat(Jws.headerOf(token)).containsEntry("alg", "HS256").containsEntry("typ", "embed+jwt")
                .containsKey("kid");

        // 2) Consume public embed endpoints: GET /api/embed/d/:token/info
        Reply info = api.get("/api/embed/d/" + token + "/info");
        assertThat(info.status()).as("%s", info).isEqualTo(200);
        assertThat(info.json().at("/dashboard/slug").asText()).isEqualTo("sales-overview");
        assertThat(info.json().at("/dashboard/widgets")).hasSize(4);
        assertThat(slugs(info.json().get("filters"))).contains("period_start", "period_end")
                .doesNotContain("status", "region");

        // POST /api/embed/d/:token/execute
        Reply executed = api.post("/api/embed/d/" + token + "/execute", """
                {
                "parameters": {
                "period_start": "2025-01-01",
                "period_end": "2025-12-31"
                }
                }""");
        assertThat(executed.status()).as("%s", executed).isEqualTo(200);
        assertRevenue(executed, DemoDatabase.totals(PERIOD_2025));

        // GET /api/embed/d/:token/filters/:filter_slug/options (status is not among the allowed params)
        assertError(api.get("/api/embed/d/" + token + "/filters/status/options"), 403, "FILTER_DISABLED_BY_POLICY");
        assertError(api.get("/api/embed/d/" + token + "/filters/status/options?search=act"), 403,
                "FILTER_DISABLED_BY_POLICY");
    }

    @Test
    void a_required_param_left_out_null_or_empty_is_SHARE_FILTER_POLICY_VIOLATION() {
        String token = owner.embedToken(dashboardId, """
                {"allowed_params": ["period_start", "period_end"], "required_params": ["period_start", "period_end"]}""");

        for (String parameters : List.of("{}", "{\"period_start\": \"2025-01-01\"}",
                "{\"period_start\": null, \"period_end\": \"2025-12-31\"}",
                "{\"period_start\": \"\", \"period_end\": \"2025-12-31\"}")) {
            JsonNode error = assertError(execute(token, parameters), 400, "SHARE_FILTER_POLICY_VIOLATION");
            assertThat(error.at("/details/filter_slug").asText()).isIn("period_start", "period_end");
        }
    }

    @Test
    void a_param_outside_allowed_params_is_403_in_any_form_and_left_out_takes_the_default() {
        String token = owner.embedToken(dashboardId, "{\"allowed_params\": [\"region\"]}");

        for (String parameters : List.of("{\"status\": [\"Active\"]}", "{\"status\": null}", "{\"status\": []}",
                "{\"period_start\": \"2024-01-01\"}")) {
            assertError(execute(token, parameters), 403, "FILTER_DISABLED_BY_POLICY");
        }
        Reply omitted = execute(token, "{\"region\": \"north\"}");
        assertRevenue(omitted, DemoDatabase.totals(PERIOD_2025 + " and region = 'north'"));
        assertThat(omitted.json().at("/parameters/period_start").asText()).isEqualTo("2025-01-01");
        assertThat(values(options(token, "region", null))).containsExactly("north", "south", "east", "west");
        assertError(options(token, "status", null), 403, "FILTER_DISABLED_BY_POLICY");
    }

    @Test
    void fixed_params_always_apply_and_the_viewer_can_never_override_them() {
        String hidden = owner.embedToken(dashboardId, """
                {"allowed_params": ["status"], "fixed_params": {"region": "west"}}""");
        String visible = owner.embedToken(dashboardId, """
                {"allowed_params": ["status", "region"], "fixed_params": {"region": "west", "status": ["Closed", "Pending"]}}""");
        String west = PERIOD_2025 + " and region = 'west'";

        Reply fixedOnly = execute(hidden, "{}");
        assertRevenue(fixedOnly, DemoDatabase.totals(west));
        assertThat(fixedOnly.json().at("/parameters/region").asText()).isEqualTo("west");
        assertRevenue(execute(hidden, "{\"status\": [\"Active\"]}"), DemoDatabase.totals(west + " and status = 'Active'"));
        assertError(execute(hidden, "{\"region\": \"north\"}"), 403, "FILTER_DISABLED_BY_POLICY");
        assertError(execute(hidden, "{\"region\": \"west\"}"), 403, "FILTER_DISABLED_BY_POLICY");
        assertError(options(hidden, "region", null), 403, "FILTER_DISABLED_BY_POLICY");
        assertThat(options(hidden, "status", null).json().get("source").asText()).isEqualTo("dynamic");

        for (String parameters : List.of("{}", "{\"region\": null, \"status\": []}", "{\"region\": \"\"}",
                "{\"region\": \"west\", \"status\": [\"Pending\", \"Closed\"]}")) {
            Reply reply = execute(visible, parameters);
            assertThat(statuses(reply)).as(parameters).containsExactly("Closed", "Pending");
            assertRevenue(reply, DemoDatabase.totals(west + " and status in ('Closed', 'Pending')"));
        }
        for (String parameters : List.of("{\"region\": \"north\"}", "{\"status\": [\"Active\"]}",
                "{\"status\": [\"Closed\"]}")) {
            assertError(execute(visible, parameters), 400, "SHARE_FILTER_POLICY_VIOLATION");
        }
        Reply regionOptions = options(visible, "region", null);
        assertThat(regionOptions.json().get("source").asText()).isEqualTo("policy");
        assertThat(values(regionOptions)).containsExactly("west");
    }

    @Test
    void embed_requests_the_dashboard_cannot_take_are_400_INVALID_REQUEST_and_expires_in_is_capped() {
        String path = "/api/v1/embed/dashboards/" + dashboardId;
        for (String body : List.of("{\"allowed_params\": [\"customer\"]}",
                "{\"allowed_params\": [\"region\"], \"required_params\": [\"status\"]}",
                "{\"fixed_params\": {\"period_start\": \"not a date\"}}",
                "{\"fixed_params\": {\"region\": \"atlantis\"}}",
                "{\"allowed_params\": \"region\"}", "{\"expires_in\": \"soon\"}", "{\"expires_in\": -5}")) {
            assertError(owner.post(path, body), 400, "INVALID_REQUEST");
        }
        Reply longLived = owner.post(path, "{\"expires_in\": 315360000}");
        if (longLived.status() == 201) {
            assertThat(Instant.parse(longLived.json().get("expires_at").asText()))
                    .isBeforeOrEqualTo(Instant.now().plus(Duration.ofDays(30)).plusSeconds(5));
        } else {
            assertError(longLived, 400, "INVALID_REQUEST");
        }
    }

    @Test
    void hostile_values_and_searches_on_the_embed_routes_are_plain_data() throws Exception {
        String token = owner.embedToken(dashboardId, "{\"allowed_params\": [\"status\", \"region\"]}");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String hostile : OwnerExecutionTest.HOSTILE) {
            Reply executed = OwnerExecutionTest.timed(() -> {
                try {
                    return execute(token, "{\"status\": [" + json.writeValueAsString(hostile) + "]}");
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (executed.status() == 200) {
                assertThat(executed.json().at("/widgets/0/rows/0/0").decimalValue()).as(hostile).isZero();
            } else {
                assertError(executed, 400, "INVALID_PARAMETER");
            }
            Reply search = OwnerExecutionTest.timed(() -> options(token, "status", hostile));
            if (search.status() == 200) {
                assertThat(values(search)).as(hostile).isEmpty();
            } else {
                assertError(search, 400, "INVALID_PARAMETER");
            }
        }
        assertThat(values(options(token, "status", "pend"))).containsExactly("Pending");
    }

    static Reply execute(String token, String parameters) {
        return PublicLinkPoliciesTest.viewer().post("/api/embed/d/" + token + "/execute",
                "{\"parameters\": " + parameters + "}");
    }

    static Reply options(String token, String filter, String search) {
        return PublicLinkPoliciesTest.viewer().get("/api/embed/d/" + token + "/filters/" + filter + "/options"
                + (search == null ? "" : "?search=" + URLEncoder.encode(search, StandardCharsets.UTF_8)));
    }

    static Reply info(String token) {
        return PublicLinkPoliciesTest.viewer().get("/api/embed/d/" + token + "/info");
    }

    private static List<String> slugs(JsonNode filters) {
        List<String> slugs = new ArrayList<>();
        filters.forEach(f -> slugs.add(f.get("slug").asText()));
        return slugs;
    }
}
