package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.Exports.columnNames;
import static io.dashshare.bootstrap.e2e.Exports.columnTypes;
import static io.dashshare.bootstrap.e2e.Exports.csvHeader;
import static io.dashshare.bootstrap.e2e.Exports.csvRows;
import static io.dashshare.bootstrap.e2e.Exports.executeRows;
import static io.dashshare.bootstrap.e2e.Exports.widget;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exports in every flow over HTTP (docs/api.md, exports): off unless the owner allows them, and
 * then exactly the rows execute shows for the same request, under every kind of policy and
 * embed claim; a request execute refuses is refused on export too. Row counts past the widget cap
 * are checked against the test's own SQL.
 */
class ExportFlowsTest {

    private static final String PERIOD_2025 = "order_date between date '2025-01-01' and date '2025-12-31'";
    private static final List<String> WIDGETS = List.of("all_orders", "total_revenue", "orders_by_status",
            "revenue_by_month", "top_customers");

    private static Owner owner;
    private static ApiClient viewer;
    private static String dashboardId;
    private static String dashboardSlug;

    @BeforeAll
    static void company() {
        owner = Owner.newCompany("exports");
        viewer = TestService.shared().api();
        dashboardId = Exports.dashboardWithAllOrders(owner);
        dashboardSlug = Exports.slugOf(owner, dashboardId);
    }

    private static String link(String extraMembers) {
        return owner.linkShare(dashboardId, extraMembers).get("token").asText();
    }

    private static Reply publicExport(String token, String widget, String parameters) {
        return viewer.post("/api/v1/public/shares/" + token + "/widgets/" + widget + "/export",
                "{\"parameters\": " + parameters + ", \"format\": \"csv\"}");
    }

    private static Reply publicExecute(String token, String parameters) {
        return viewer.post("/api/v1/public/shares/" + token + "/execute", "{\"parameters\": " + parameters + "}");
    }

    /**
     * Each widget's export equals its execute rows for the same parameters, header row included;
     * the long one equals them as far as execute shows (its cap) and has the oracle's row count.
     */
    private static void assertExportsMatchExecute(Reply executed, java.util.function.Function<String, Reply> export,
                                                  String oracleWhere) {
        for (String slug : WIDGETS) {
            JsonNode shown = widget(executed, slug);
            Reply exported = export.apply(slug);
            List<List<String>> rows = csvRows(exported, dashboardSlug, slug, columnTypes(shown));
            assertThat(csvHeader(exported)).isEqualTo(columnNames(shown));
            if (shown.get("truncated").asBoolean()) {
                assertThat(rows.subList(0, shown.get("rows").size())).as(slug).isEqualTo(executeRows(shown));
                assertThat((long) rows.size()).as("rows of %s", slug)
                        .isEqualTo(DemoDatabase.count("select count(*) from demo.orders where " + oracleWhere))
                        .isGreaterThan(shown.get("rows").size());
            } else {
                assertThat(rows).as(slug).isEqualTo(executeRows(shown));
            }
        }
    }

    // --- public link -----------------------------------------------------------------------

    @Test
    void a_share_without_downloads_answers_403_downloads_disabled_and_resolve_says_downloads_false() {
        String token = link("");

        assertError(publicExport(token, "top_customers", "{}"), 403, "FORBIDDEN");
        assertThat(publicExport(token, "top_customers", "{}").json().at("/details/reason").asText())
                .isEqualTo("downloads_disabled");
        assertThat(viewer.get("/api/v1/public/shares/" + token + "/resolve").json().get("downloads").asBoolean())
                .isFalse();
    }

    @Test
    void with_downloads_every_widget_exports_the_rows_execute_shows_and_the_long_one_all_of_its_rows() {
        JsonNode share = owner.linkShare(dashboardId, "\"downloads\": true");
        String token = share.get("token").asText();
        assertThat(share.get("downloads").asBoolean()).isTrue();
        assertThat(viewer.get("/api/v1/public/shares/" + token + "/resolve").json().get("downloads").asBoolean())
                .isTrue();
        String parameters = "{\"region\": \"east\", \"status\": [\"Active\", \"Closed\"]}";

        assertExportsMatchExecute(publicExecute(token, parameters), slug -> publicExport(token, slug, parameters),
                PERIOD_2025 + " and region = 'east' and status in ('Active', 'Closed')");
    }

    @Test
    void downloads_turned_on_and_off_by_patch_take_effect_at_once() {
        JsonNode share = owner.linkShare(dashboardId, "");
        String token = share.get("token").asText();
        String id = share.get("id").asText();

        owner.patchShare(id, "{\"downloads\": true}");
        assertThat(publicExport(token, "top_customers", "{}").status()).isEqualTo(200);
        assertThat(Owner.expect(200, owner.get("/api/v1/shares/" + id)).json().get("downloads").asBoolean()).isTrue();
        owner.patchShare(id, "{\"downloads\": false}");
        assertError(publicExport(token, "top_customers", "{}"), 403, "FORBIDDEN");
    }

    @Test
    void a_selectable_policy_limits_the_export_as_it_limits_execute_and_a_value_outside_it_is_400_on_both() {
        String token = link("\"downloads\": true, \"share_filter_policies\": " + PublicLinkPoliciesTest.SELECTABLE);

        assertExportsMatchExecute(publicExecute(token, "{}"), slug -> publicExport(token, slug, "{}"),
                PERIOD_2025 + " and status in ('Active', 'Pending') and region = 'south'");
        String chosen = "{\"status\": [\"Pending\"], \"region\": \"west\"}";
        assertExportsMatchExecute(publicExecute(token, chosen), slug -> publicExport(token, slug, chosen),
                PERIOD_2025 + " and status = 'Pending' and region = 'west'");

        String outside = "{\"status\": [\"Closed\"]}";
        assertError(publicExecute(token, outside), 400, "SHARE_FILTER_POLICY_VIOLATION");
        JsonNode refused = assertError(publicExport(token, "all_orders", outside), 400, "SHARE_FILTER_POLICY_VIOLATION");
        assertThat(refused.at("/details/filter_slug").asText()).isEqualTo("status");
    }

    @Test
    void a_fixed_policy_limits_the_export_whatever_the_viewer_sends() {
        String token = link("\"downloads\": true, \"share_filter_policies\": " + PublicLinkPoliciesTest.FIXED);

        assertExportsMatchExecute(publicExecute(token, "{}"), slug -> publicExport(token, slug, "{}"),
                PERIOD_2025 + " and status in ('Closed', 'Cancelled') and region = 'west'");
        assertError(publicExport(token, "all_orders", "{\"region\": \"east\"}"), 400, "SHARE_FILTER_POLICY_VIOLATION");
    }

    @Test
    void a_disabled_filter_refuses_a_value_on_export_as_on_execute_and_otherwise_takes_its_default() {
        String token = link("\"downloads\": true, \"share_filter_policies\": " + PublicLinkPoliciesTest.DISABLED);

        assertError(publicExecute(token, "{\"status\": [\"Active\"]}"), 403, "FILTER_DISABLED_BY_POLICY");
        assertError(publicExport(token, "all_orders", "{\"status\": [\"Active\"]}"), 403, "FILTER_DISABLED_BY_POLICY");
        String period = "{\"period_end\": \"2025-03-31\"}";
        assertExportsMatchExecute(publicExecute(token, period), slug -> publicExport(token, slug, period),
                "order_date between date '2025-01-01' and date '2025-03-31'");
    }

    @Test
    void unknown_widgets_formats_and_tokens_are_refused_like_the_rest_of_the_api() {
        String token = link("\"downloads\": true");

        assertError(publicExport(token, "no_such_widget", "{}"), 404, "NOT_FOUND");
        assertError(viewer.post("/api/v1/public/shares/" + token + "/widgets/top_customers/export",
                "{\"format\": \"xlsx\"}"), 400, "INVALID_REQUEST");
        assertError(publicExport("x".repeat(43), "top_customers", "{}"), 401, "TOKEN_INVALID");
        assertError(publicExport(token, "top_customers", "{\"region\": \"atlantis\"}"), 400, "INVALID_PARAMETER");
    }

    // --- portal ----------------------------------------------------------------------------

    @Test
    void a_portal_export_follows_its_contexts_share_and_its_downloads_switch() {
        String email = Portal.newEmail("exporter");
        String context = owner.createContext("Exports " + email);
        owner.addMember(context, email);
        JsonNode share = owner.createShare(dashboardId, "{\"name\": \"Portal\", \"share_context_id\": \"" + context
                + "\", \"downloads\": true, \"share_filter_policies\": [{\"filter_slug\": \"region\", "
                + "\"filter_kind\": \"select\", \"mode\": \"fixed\", \"value\": \"north\"}]}");
        String access = Portal.signIn(owner.companySlug(), email).get("access_token").asText();
        String base = "/api/v1/share-portal/" + owner.companySlug() + "/dashboards/" + dashboardSlug;
        String body = "{\"context_id\": \"" + context + "\", \"parameters\": {\"period_start\": \"2025-06-01\"}}";

        assertThat(Portal.get(base + "?context_id=" + context, access).json().get("downloads").asBoolean()).isTrue();
        assertExportsMatchExecute(Portal.post(base + "/execute", body, access),
                slug -> Portal.post(base + "/widgets/" + slug + "/export", body, access),
                "order_date between date '2025-06-01' and date '2025-12-31' and region = 'north'");
        assertError(Portal.post(base + "/widgets/all_orders/export", "{\"context_id\": \"" + context
                + "\", \"parameters\": {\"region\": \"south\"}}", access), 400, "SHARE_FILTER_POLICY_VIOLATION");

        owner.patchShare(share.get("id").asText(), "{\"downloads\": false}");
        assertError(Portal.post(base + "/widgets/all_orders/export", body, access), 403, "FORBIDDEN");
        assertError(Portal.post(base + "/widgets/all_orders/export", body, "not-a-token"), 401, "TOKEN_INVALID");
    }

    // --- embed -----------------------------------------------------------------------------

    @Test
    void an_embed_exports_only_with_the_downloads_claim_and_always_under_its_fixed_params() {
        String without = owner.embedToken(dashboardId, "{\"allowed_params\": [\"status\"]}");
        String with = owner.embedToken(dashboardId,
                "{\"allowed_params\": [\"status\"], \"fixed_params\": {\"region\": \"west\"}, \"downloads\": true}");
        assertThat(Jws.claimsOf(with)).containsEntry("downloads", true);
        assertThat(Jws.claimsOf(without)).containsEntry("downloads", false);

        assertThat(viewer.get("/api/embed/d/" + without + "/info").json().get("downloads").asBoolean()).isFalse();
        assertThat(viewer.get("/api/embed/d/" + with + "/info").json().get("downloads").asBoolean()).isTrue();
        assertError(viewer.post("/api/embed/d/" + without + "/widgets/all_orders/export", "{}"), 403, "FORBIDDEN");

        String status = "{\"parameters\": {\"status\": [\"Pending\"]}}";
        assertExportsMatchExecute(viewer.post("/api/embed/d/" + with + "/execute", status),
                slug -> viewer.post("/api/embed/d/" + with + "/widgets/" + slug + "/export", status),
                PERIOD_2025 + " and status = 'Pending' and region = 'west'");
        String override = "{\"parameters\": {\"region\": \"east\"}}";
        assertError(viewer.post("/api/embed/d/" + with + "/execute", override), 403, "FILTER_DISABLED_BY_POLICY");
        assertError(viewer.post("/api/embed/d/" + with + "/widgets/all_orders/export", override), 403,
                "FILTER_DISABLED_BY_POLICY");
    }

    // --- owner -----------------------------------------------------------------------------

    @Test
    void the_owner_exports_without_any_policy_or_downloads_switch() {
        // Two of the three demo years: past the widget cap, within the export cap.
        String parameters = "{\"period_start\": \"2024-01-01\", \"period_end\": \"2025-12-31\"}";
        Reply executed = owner.post("/api/v1/dashboards/" + dashboardId + "/execute", "{\"parameters\": " + parameters + "}");

        assertExportsMatchExecute(executed, slug -> owner.post("/api/v1/dashboards/" + dashboardId + "/widgets/" + slug
                + "/export", "{\"parameters\": " + parameters + "}"), "order_date <= date '2025-12-31'");
        assertError(viewer.post("/api/v1/dashboards/" + dashboardId + "/widgets/all_orders/export", "{}"), 401,
                "UNAUTHENTICATED");
    }
}
