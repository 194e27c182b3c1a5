package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.ApiAssertions.assertNothingInternal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.bootstrap.e2e.DemoDatabase.Totals;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import io.dashshare.bootstrap.testing.Owner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 over HTTP: every row of docs/filters.md through the public execute and options routes of
 * the demo's {@code sales-overview}, with the blank values that must never widen a policy and
 * hostile values and searches. Effective rows are checked against the test's own SQL.
 */
class PublicLinkPoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL_STATUSES = List.of("Active", "Cancelled", "Closed", "Pending");
    /** The demo's default period, applied whenever the viewer leaves it out. */
    private static final String PERIOD_2025 = "order_date between date '2025-01-01' and date '2025-12-31'";

    private static Owner owner;
    private static ApiClient viewer;
    private static String dashboardId;

    @BeforeAll
    static void demo() {
        owner = Owner.acme();
        dashboardId = owner.salesOverviewId();
    }

    // --- no policy -------------------------------------------------------------------------

    @Test
    void without_a_policy_any_valid_value_applies_and_an_omitted_filter_takes_its_default_or_stays_unset() {
        String token = owner.publicLink(dashboardId, "[]");

        Reply chosen = execute(token, "{\"status\": [\"Closed\"], \"region\": \"east\"}");
        assertThat(statuses(chosen)).containsExactly("Closed");
        assertRevenue(chosen, DemoDatabase.totals(PERIOD_2025 + " and status = 'Closed' and region = 'east'"));

        Reply omitted = execute(token, "{}");
        assertThat(statuses(omitted)).containsExactlyElementsOf(ALL_STATUSES);
        assertRevenue(omitted, DemoDatabase.totals(PERIOD_2025));
        JsonNode parameters = omitted.json().get("parameters");
        assertThat(parameters.get("period_start").asText()).isEqualTo("2025-01-01");
        assertThat(parameters.get("status").isNull()).isTrue();
        assertThat(parameters.get("region").isNull()).isTrue();

        assertError(execute(token, "{\"region\": \"atlantis\"}"), 400, "INVALID_PARAMETER");
    }

    @Test
    void without_a_policy_options_are_the_static_or_dynamic_ones_narrowed_by_search() {
        String token = owner.publicLink(dashboardId, "[]");

        Reply dynamic = options(token, "status", null);
        assertThat(dynamic.json().get("source").asText()).isEqualTo("dynamic");
        assertThat(values(dynamic)).containsExactlyElementsOf(ALL_STATUSES);
        assertThat(values(options(token, "status", "clo"))).containsExactly("Closed");

        Reply fixedList = options(token, "region", null);
        assertThat(fixedList.json().get("source").asText()).isEqualTo("static");
        assertThat(values(fixedList)).containsExactly("north", "south", "east", "west");
        assertThat(values(options(token, "region", "TH"))).containsExactly("north", "south");
        assertThat(fixedList.json().get("filter_slug").asText()).isEqualTo("region");
        assertThat(fixedList.json().get("options").get(0).get("label").asText()).isEqualTo("North");
    }

    // --- selectable --------------------------------------------------------------------------

    @Test
    void selectable_values_inside_the_allowed_list_apply_and_any_outside_is_SHARE_FILTER_POLICY_VIOLATION() {
        String token = owner.publicLink(dashboardId, SELECTABLE);

        assertThat(statuses(execute(token, "{\"status\": [\"Pending\"]}"))).containsExactly("Pending");
        assertRevenue(execute(token, "{\"region\": \"west\"}"),
                DemoDatabase.totals(PERIOD_2025 + " and status in ('Active', 'Pending') and region = 'west'"));
        for (String parameters : List.of("{\"status\": [\"Closed\"]}", "{\"status\": [\"Active\", \"Closed\"]}",
                "{\"status\": \"Closed\"}", "{\"region\": \"north\"}", "{\"status\": [\"active\"]}",
                "{\"status\": [\"Active \"]}")) {
            JsonNode error = assertError(execute(token, parameters), 400, "SHARE_FILTER_POLICY_VIOLATION");
            assertThat(error.at("/details/filter_slug").asText()).as(parameters).isIn("status", "region");
        }
    }

    @Test
    void selectable_filters_left_out_null_or_empty_never_run_unrestricted() {
        String token = owner.publicLink(dashboardId, SELECTABLE);
        // multi_select: all allowed values; select without a default: the first allowed value.
        Totals restricted = DemoDatabase.totals(PERIOD_2025 + " and status in ('Active', 'Pending') and region = 'south'");

        for (String parameters : List.of("{}", "{\"status\": null, \"region\": null}",
                "{\"status\": [], \"region\": \"\"}", "{\"status\": \"\"}", "{\"status\": [null]}",
                "{\"status\": [\"\"]}")) {
            Reply reply = execute(token, parameters);
            if (reply.status() == 400) {
                assertThat(reply.errorCode()).as(parameters).isIn("SHARE_FILTER_POLICY_VIOLATION", "INVALID_PARAMETER");
                continue;
            }
            assertThat(statuses(reply)).as(parameters).containsExactly("Active", "Pending");
            assertRevenue(reply, restricted);
            assertThat(reply.json().at("/parameters/region").asText()).as(parameters).isEqualTo("south");
        }
    }

    @Test
    void a_selectable_select_left_out_takes_the_dashboards_default_when_it_is_allowed() {
        String withDefault = owner.createDashboard(Owner.demoDashboardDocument()
                .replace("\"slug\": \"sales-overview\"", "\"slug\": \"defaults-" + UUID.randomUUID().toString().substring(0, 8) + "\"")
                .replace("\"label\": \"Region\", \"kind\": \"select\",", "\"label\": \"Region\", \"kind\": \"select\", \"default\": \"west\","));
        String token = owner.publicLink(withDefault, SELECTABLE);

        Reply reply = execute(token, "{}");
        assertThat(reply.json().at("/parameters/region").asText()).isEqualTo("west");
        assertRevenue(reply, DemoDatabase.totals(PERIOD_2025 + " and status in ('Active', 'Pending') and region = 'west'"));
    }

    @Test
    void selectable_options_are_the_allowed_values_narrowed_by_search_with_source_policy() {
        String token = owner.publicLink(dashboardId, SELECTABLE);

        Reply status = options(token, "status", null);
        assertThat(status.json().get("source").asText()).isEqualTo("policy");
        assertThat(values(status)).containsExactly("Active", "Pending");
        assertThat(values(options(token, "status", "pen"))).containsExactly("Pending");
        assertThat(values(options(token, "status", "Closed"))).isEmpty();
        assertThat(values(options(token, "region", null))).containsExactly("south", "west");
        for (String wildcard : List.of("%", "_", "\\", "' OR '1'='1")) {
            assertThat(values(options(token, "status", wildcard))).as(wildcard).isEmpty();
        }

        JsonNode resolved = viewer().get("/api/v1/public/shares/" + token + "/resolve").json();
        JsonNode filter = filter(resolved, "status");
        assertThat(filter.get("mode").asText()).isEqualTo("selectable");
        assertThat(filter.get("allowed_values")).extracting(v -> v.get("value").asText())
                .containsExactly("Active", "Pending");
        assertThat(filter.get("options_source").asText()).isEqualTo("policy");
    }

    // --- fixed ---------------------------------------------------------------------------------

    @Test
    void a_fixed_filter_accepts_only_its_own_value_and_applies_it_when_left_out_null_or_empty() {
        String token = owner.publicLink(dashboardId, FIXED);
        // (In the demo data, west has orders of every status; east has no cancelled ones.)
        Totals fixed = DemoDatabase.totals(PERIOD_2025 + " and status in ('Closed', 'Cancelled') and region = 'west'");

        for (String parameters : List.of("{}", "{\"region\": \"west\", \"status\": [\"Cancelled\", \"Closed\"]}",
                "{\"region\": null, \"status\": null}", "{\"region\": \"\", \"status\": []}")) {
            Reply reply = execute(token, parameters);
            assertThat(reply.status()).as("%s -> %s", parameters, reply).isEqualTo(200);
            assertThat(statuses(reply)).as(parameters).containsExactly("Cancelled", "Closed");
            assertRevenue(reply, fixed);
            assertThat(reply.json().at("/parameters/region").asText()).isEqualTo("west");
        }
        for (String parameters : List.of("{\"region\": \"north\"}", "{\"status\": [\"Closed\"]}",
                "{\"status\": [\"Closed\", \"Cancelled\", \"Active\"]}", "{\"region\": \"WEST\"}")) {
            assertError(execute(token, parameters), 400, "SHARE_FILTER_POLICY_VIOLATION");
        }
    }

    @Test
    void a_fixed_filters_options_are_its_value_with_source_policy() {
        String token = owner.publicLink(dashboardId, FIXED);

        Reply region = options(token, "region", null);
        assertThat(region.json().get("source").asText()).isEqualTo("policy");
        assertThat(values(region)).containsExactly("west");
        assertThat(values(options(token, "status", null))).containsExactlyInAnyOrder("Closed", "Cancelled");
        assertThat(values(options(token, "status", "canc"))).containsExactly("Cancelled");
        assertThat(filter(viewer().get("/api/v1/public/shares/" + token + "/resolve").json(), "region")
                .get("mode").asText()).isEqualTo("fixed");
    }

    // --- disabled --------------------------------------------------------------------------------

    @Test
    void a_disabled_filter_sent_in_any_form_is_403_and_left_out_takes_its_default() {
        String token = owner.publicLink(dashboardId, DISABLED);

        for (String parameters : List.of("{\"status\": [\"Active\"]}", "{\"status\": null}", "{\"status\": []}",
                "{\"period_start\": \"2024-01-01\"}")) {
            JsonNode error = assertError(execute(token, parameters), 403, "FILTER_DISABLED_BY_POLICY");
            assertThat(error.at("/details/filter_slug").asText()).isIn("status", "period_start");
        }
        Reply omitted = execute(token, "{}");
        assertThat(omitted.json().at("/parameters/period_start").asText()).isEqualTo("2025-01-01");
        assertRevenue(omitted, DemoDatabase.totals(PERIOD_2025));
        assertError(options(token, "status", null), 403, "FILTER_DISABLED_BY_POLICY");
        assertError(options(token, "status", "act"), 403, "FILTER_DISABLED_BY_POLICY");

        JsonNode resolved = viewer().get("/api/v1/public/shares/" + token + "/resolve").json();
        List<String> listed = new ArrayList<>();
        resolved.get("filters").forEach(f -> listed.add(f.get("slug").asText()));
        assertThat(listed).doesNotContain("status", "period_start").contains("period_end", "region");
    }

    // --- other rows, errors, hostile input ---------------------------------------------------------

    @Test
    void a_slug_that_is_no_filter_is_SHARE_FILTER_POLICY_VIOLATION_and_a_wrong_type_INVALID_PARAMETER() {
        String token = owner.publicLink(dashboardId, SELECTABLE);

        assertError(execute(token, "{\"customer\": \"Globex 01\"}"), 400, "SHARE_FILTER_POLICY_VIOLATION");
        assertError(options(token, "customer", null), 400, "SHARE_FILTER_POLICY_VIOLATION");
        assertError(execute(token, "{\"period_start\": \"last year\"}"), 400, "INVALID_PARAMETER");
        assertError(execute(token, "{\"period_end\": 20251231}"), 400, "INVALID_PARAMETER");
        assertError(execute(token, "{\"status\": {\"select\": 1}}"), 400, "INVALID_PARAMETER");
        assertError(viewer().post("/api/v1/public/shares/" + token + "/execute", "{\"parameters\": \"all\"}"), 400,
                "INVALID_REQUEST");
    }

    @Test
    void hostile_values_and_searches_on_the_public_routes_are_plain_data() throws Exception {
        String open = owner.publicLink(dashboardId, "[]");
        String restricted = owner.publicLink(dashboardId, SELECTABLE);

        for (String hostile : OwnerExecutionTest.HOSTILE) {
            String quoted = JSON.writeValueAsString(hostile);
            Reply free = OwnerExecutionTest.timed(() -> execute(open, "{\"status\": [" + quoted + "]}"));
            if (free.status() == 200) {
                assertThat(free.json().at("/widgets/1/rows")).as(hostile).isEmpty();
                assertThat(free.json().at("/widgets/0/rows/0/0").decimalValue()).as(hostile).isZero();
            } else {
                assertError(free, 400, "INVALID_PARAMETER");
            }
            assertThat(OwnerExecutionTest.timed(() -> execute(restricted, "{\"status\": [" + quoted + "]}"))
                    .status()).as(hostile).isEqualTo(400);
            for (String token : List.of(open, restricted)) {
                Reply search = OwnerExecutionTest.timed(() -> options(token, "status", hostile));
                if (search.status() == 200) {
                    assertThat(values(search)).as(hostile).isEmpty();
                } else {
                    assertError(search, 400, "INVALID_PARAMETER");
                }
            }
        }
        assertError(options(open, "status", "y".repeat(10_000)), 400, "INVALID_PARAMETER");
        assertError(options(restricted, "status", "y".repeat(10_000)), 400, "INVALID_PARAMETER");
        assertThat(DemoDatabase.count("select count(*) from demo.orders")).isEqualTo(120_000);
    }

    @Test
    void a_failing_options_query_is_400_DB_QUERY_ERROR_and_a_failing_widget_fails_alone() {
        String broken = owner.createDashboard("""
                {"slug": "broken-%s", "name": "Broken", "data_source": "demo",
                 "filters": [{"slug": "status", "label": "Status", "kind": "multi_select",
                              "options": {"source": "dynamic", "sql": "select status / 0 as value from demo.orders where :search::text is null or true"}}],
                 "widgets": [{"slug": "bad", "title": "Bad", "visualization": "number", "sql": "select 1 / 0 as boom"},
                             {"slug": "good", "title": "Good", "visualization": "number",
                              "sql": "select count(*) as n from demo.orders where (:status::text[] is null or status = any(:status))"}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8)));
        String token = owner.publicLink(broken, "[]");

        assertError(options(token, "status", null), 400, "DB_QUERY_ERROR");
        Reply executed = execute(token, "{}");
        assertThat(executed.status()).isEqualTo(200);
        assertNothingInternal(executed);
        assertThat(executed.json().at("/widgets/0/error/error_code").asText()).isEqualTo("DB_QUERY_ERROR");
        assertThat(executed.json().at("/widgets/1/rows/0/0").asLong()).isEqualTo(120_000);
    }

    static final String SELECTABLE = """
            [{"filter_slug": "status", "filter_kind": "multi_select", "mode": "selectable", "allowed_values": ["Active", "Pending"]},
             {"filter_slug": "region", "filter_kind": "select", "mode": "selectable", "allowed_values": ["south", "west"]}]""";
    static final String FIXED = """
            [{"filter_slug": "status", "filter_kind": "multi_select", "mode": "fixed", "value": ["Closed", "Cancelled"]},
             {"filter_slug": "region", "filter_kind": "select", "mode": "fixed", "value": "west"}]""";
    static final String DISABLED = """
            [{"filter_slug": "status", "filter_kind": "multi_select", "mode": "disabled"},
             {"filter_slug": "period_start", "filter_kind": "date", "mode": "disabled"}]""";

    static Reply execute(String token, String parameters) {
        return viewer().post("/api/v1/public/shares/" + token + "/execute",
                "{\"parameters\": " + parameters + "}");
    }

    static Reply options(String token, String filter, String search) {
        return viewer().get("/api/v1/public/shares/" + token + "/filters/" + filter + "/options"
                + (search == null ? "" : "?search=" + URLEncoder.encode(search, StandardCharsets.UTF_8)));
    }

    /** The statuses the orders-by-status widget shows, in its order. */
    static List<String> statuses(Reply executed) {
        assertThat(executed.status()).as("%s", executed).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        executed.json().at("/widgets/1/rows").forEach(row -> statuses.add(row.get(0).asText()));
        return statuses;
    }

    static void assertRevenue(Reply executed, Totals expected) {
        assertThat(executed.status()).as("%s", executed).isEqualTo(200);
        assertThat(executed.json().at("/widgets/0/rows/0/0").decimalValue()).as("revenue of %s", executed)
                .isEqualByComparingTo(expected.revenue());
    }

    static List<String> values(Reply options) {
        assertThat(options.status()).as("%s", options).isEqualTo(200);
        List<String> values = new ArrayList<>();
        options.json().get("options").forEach(o -> values.add(o.get("value").asText()));
        return values;
    }

    private static JsonNode filter(JsonNode resolved, String slug) {
        for (JsonNode filter : resolved.get("filters")) {
            if (filter.get("slug").asText().equals(slug)) {
                return filter;
            }
        }
        throw new AssertionError("no filter " + slug + " in " + resolved);
    }

    /** A client with no credentials, as an anonymous viewer's browser. */
    static synchronized ApiClient viewer() {
        if (viewer == null) {
            viewer = TestService.shared().api();
        }
        return viewer;
    }
}
