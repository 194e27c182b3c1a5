package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.ApiAssertions.assertErrorEchoing;
import static io.dashshare.bootstrap.e2e.ApiAssertions.assertNothingInternal;
import static io.dashshare.bootstrap.e2e.PublicLinkPoliciesTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.bootstrap.e2e.DemoDatabase.Totals;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 2 over HTTP: the owner preview binds every filter kind into real SQL on the demo data,
 * blank values never run a different query than omitted ones, and hostile strings in values,
 * parameter names and {@code search} reach PostgreSQL as plain data. Results are checked against
 * the test's own SQL on the same rows ({@link DemoDatabase}).
 */
class OwnerExecutionTest {

    /** docs/security.md#attack-17, plus a comment and a stacked statement. */
    static final List<String> HOSTILE = List.of("' OR '1'='1", "1);DROP TABLE demo.orders;--", "$$", "\\'",
            "'||pg_sleep(5)||'", "north' --", "\u0000", "%", "*/ select 1 /*");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOTALS_SQL = "select count(*) as orders, coalesce(sum(amount), 0) as revenue"
            + " from demo.orders where (:since::date is null or order_date >= :since)"
            + " and (:min_amount::numeric is null or amount >= :min_amount)"
            + " and (:customer::text is null or customer = :customer)"
            + " and (:region::text is null or region = :region)"
            + " and (:status::text[] is null or status = any(:status))";

    private static Owner owner;
    private static String dashboardId;
    private static String customer;

    @BeforeAll
    static void dashboardWithEveryFilterKind() {
        owner = Owner.acme();
        dashboardId = owner.createDashboard("""
                {"slug": "kinds-%s", "name": "Every filter kind", "data_source": "demo",
                 "filters": [
                  {"slug": "since", "label": "Since", "kind": "date", "default": "2025-01-01"},
                  {"slug": "min_amount", "label": "Minimum amount", "kind": "number"},
                  {"slug": "customer", "label": "Customer", "kind": "text"},
                  {"slug": "region", "label": "Region", "kind": "select",
                   "options": {"source": "static", "values": [{"label": "North", "value": "north"},
                                                              {"label": "South", "value": "south"}]}},
                  {"slug": "status", "label": "Status", "kind": "multi_select",
                   "options": {"source": "dynamic",
                               "sql": "select distinct status as value, status as label from demo.orders where (:search::text is null or status ilike '%%' || :search || '%%') order by 1"}}],
                 "widgets": [{"slug": "totals", "title": "Totals", "visualization": "table", "sql": "%s"}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), TOTALS_SQL));
        customer = DemoDatabase.text("select customer from demo.orders where region = 'north' and status = 'Active'"
                + " order by customer limit 1");
    }

    @Test
    void owner_execute_binds_a_date_a_number_a_text_a_select_and_a_multi_select_value() {
        Reply reply = execute("""
                {"parameters": {"since": "2025-03-01", "min_amount": 500.5, "customer": "%s", "region": "north",
                                "status": ["Active", "Pending"]}}""".formatted(customer));

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertTotals(reply, DemoDatabase.totals("order_date >= ? and amount >= ? and customer = ? and region = ?"
                        + " and status in (?, ?)", LocalDate.parse("2025-03-01"), new BigDecimal("500.5"), customer,
                "north", "Active", "Pending"));
        JsonNode parameters = reply.json().get("parameters");
        assertThat(parameters.get("since").asText()).isEqualTo("2025-03-01");
        assertThat(parameters.get("min_amount").decimalValue()).isEqualByComparingTo("500.5");
        assertThat(parameters.get("customer").asText()).isEqualTo(customer);
        assertThat(parameters.get("region").asText()).isEqualTo("north");
        assertThat(parameters.get("status")).extracting(JsonNode::asText).containsExactly("Active", "Pending");
    }

    @Test
    void each_filter_kind_alone_narrows_the_rows_exactly_as_its_sql_says() {
        assertTotals(execute("{\"parameters\": {\"since\": \"2026-06-01\"}}"),
                DemoDatabase.totals("order_date >= ?", LocalDate.parse("2026-06-01")));
        assertTotals(execute("{\"parameters\": {\"since\": \"2024-01-01\", \"min_amount\": \"999.99\"}}"),
                DemoDatabase.totals("amount >= ?", new BigDecimal("999.99")));
        assertTotals(execute("{\"parameters\": {\"since\": \"2024-01-01\", \"customer\": \"" + customer + "\"}}"),
                DemoDatabase.totals("customer = ?", customer));
        assertTotals(execute("{\"parameters\": {\"since\": \"2024-01-01\", \"region\": \"south\"}}"),
                DemoDatabase.totals("region = ?", "south"));
        assertTotals(execute("{\"parameters\": {\"since\": \"2024-01-01\", \"status\": [\"Cancelled\"]}}"),
                DemoDatabase.totals("status = ?", "Cancelled"));
    }

    @Test
    void omitted_null_and_empty_values_all_run_the_query_with_the_default_and_nothing_else() {
        Totals defaultsOnly = DemoDatabase.totals("order_date >= ?", LocalDate.parse("2025-01-01"));
        for (String parameters : List.of("{}",
                "{\"since\": null, \"min_amount\": null, \"customer\": null, \"region\": null, \"status\": null}",
                "{\"since\": \"\", \"min_amount\": \"\", \"customer\": \"\", \"region\": \"\", \"status\": []}")) {
            Reply reply = execute("{\"parameters\": " + parameters + "}");
            assertThat(reply.status()).as("%s -> %s", parameters, reply).isEqualTo(200);
            assertTotals(reply, defaultsOnly);
            JsonNode effective = reply.json().get("parameters");
            assertThat(effective.get("since").asText()).as(parameters).isEqualTo("2025-01-01");
            for (String unset : List.of("min_amount", "customer", "region", "status")) {
                assertThat(effective.get(unset).isNull()).as("%s in %s", unset, parameters).isTrue();
            }
        }
    }

    @Test
    void a_value_of_the_wrong_type_is_400_INVALID_PARAMETER() {
        for (String parameters : List.of("{\"since\": \"2025-02-30\"}", "{\"since\": \"yesterday\"}",
                "{\"min_amount\": \"a lot\"}", "{\"min_amount\": true}", "{\"region\": \"east\"}",
                "{\"region\": [\"north\", \"south\"]}", "{\"customer\": {\"select\": 1}}",
                "{\"status\": [{\"select\": 1}]}", "{\"status\": [1, 2]}")) {
            JsonNode error = assertError(execute("{\"parameters\": " + parameters + "}"), 400, "INVALID_PARAMETER");
            assertThat(error.at("/details/filter_slug").asText()).as(parameters).isNotBlank();
        }
    }

    @Test
    void sql_injection_strings_in_every_parameter_arrive_as_plain_data() throws Exception {
        for (String hostile : HOSTILE) {
            String quoted = JSON.writeValueAsString(hostile);
            // Free text and dynamic multi_select values are any string: matched literally, so nothing matches.
            for (String parameters : List.of("{\"customer\": " + quoted + "}",
                    "{\"status\": [" + quoted + "]}", "{\"status\": [\"Active\", " + quoted + "]}")) {
                Reply reply = timed(() -> execute("{\"parameters\": " + parameters + "}"));
                if (reply.status() == 400) {
                    assertError(reply, 400, "INVALID_PARAMETER");
                    continue;
                }
                assertThat(reply.status()).as("%s -> %s", parameters, reply).isEqualTo(200);
                assertThat(reply.json().at("/widgets/0/error").isMissingNode()).as("%s -> %s", parameters, reply)
                        .isTrue();
                Totals expected = parameters.contains("Active")
                        ? DemoDatabase.totals("order_date >= ? and status = ?", LocalDate.parse("2025-01-01"), "Active")
                        : new Totals(0, BigDecimal.ZERO);
                assertTotals(reply, expected);
            }
            // Typed kinds refuse what is not a date, a number or one of the static options.
            for (String parameters : List.of("{\"since\": " + quoted + "}", "{\"min_amount\": " + quoted + "}",
                    "{\"region\": " + quoted + "}")) {
                assertError(timed(() -> execute("{\"parameters\": " + parameters + "}")), 400, "INVALID_PARAMETER");
            }
            // And as a parameter name: no such filter.
            assertErrorEchoing(timed(() -> execute("{\"parameters\": {" + quoted + ": \"x\"}}")), 400,
                    "SHARE_FILTER_POLICY_VIOLATION", hostile);
        }
        assertThat(DemoDatabase.count("select count(*) from demo.orders")).isEqualTo(120_000);
        assertThat(DemoDatabase.count("select count(*) from sharing.companies")).isPositive();
    }

    @Test
    void search_reaches_the_dynamic_options_query_as_literal_text() throws Exception {
        assertThat(values(options("act"))).containsExactly("Active");
        assertThat(values(options("ND"))).containsExactly("Pending");
        assertThat(values(options(""))).containsExactly("Active", "Cancelled", "Closed", "Pending");
        for (String hostile : HOSTILE) {
            Reply reply = timed(() -> options(hostile));
            if (reply.status() == 400) {
                assertError(reply, 400, "INVALID_PARAMETER");
            } else {
                assertThat(reply.status()).as("search %s -> %s", hostile, reply).isEqualTo(200);
                assertThat(values(reply)).as("search %s", hostile).isEmpty();
                assertThat(reply.json().get("source").asText()).isEqualTo("dynamic");
            }
        }
        for (String wildcard : List.of("%", "_", "\\", "%%", "A_tive", "Activ%")) {
            Reply reply = options(wildcard);
            assertThat(reply.status()).as("search %s -> %s", wildcard, reply).isEqualTo(200);
            assertThat(values(reply)).as("search %s matches literally", wildcard).isEmpty();
        }
        assertError(options("x".repeat(10_000)), 400, "INVALID_PARAMETER");
    }

    @Test
    void sql_an_owner_writes_runs_read_only_and_cannot_reach_the_services_own_tables() {
        String id = owner.createDashboard("""
                {"slug": "reach-%s", "name": "Reach", "data_source": "demo", "filters": [],
                 "widgets": [
                  {"slug": "own_tables", "title": "t", "visualization": "table", "sql": "select * from sharing.owner_accounts"},
                  {"slug": "secrets", "title": "t", "visualization": "table", "sql": "select * from sharing.embed_keys"},
                  {"slug": "delete_rows", "title": "t", "visualization": "table", "sql": "with d as (delete from demo.orders where id = 1 returning id) select count(*) from d"},
                  {"slug": "update_rows", "title": "t", "visualization": "table", "sql": "with u as (update demo.orders set amount = 0 where id = 2 returning id) select count(*) from u"},
                  {"slug": "create_table", "title": "t", "visualization": "table", "sql": "create table demo.pwned (id int)"},
                  {"slug": "fine", "title": "t", "visualization": "number", "sql": "select count(*) as n from demo.orders where id <= 2"}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8)));
        Reply reply = owner.post("/api/v1/dashboards/" + id + "/execute", "{\"parameters\": {}}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertNothingInternal(reply);
        JsonNode widgets = reply.json().get("widgets");
        for (int i = 0; i < 5; i++) {
            assertThat(widgets.get(i).at("/error/error_code").asText()).as("widget %s", widgets.get(i))
                    .isEqualTo("DB_QUERY_ERROR");
            assertThat(widgets.get(i).has("rows")).isFalse();
        }
        assertThat(widgets.get(5).at("/rows/0/0").asLong()).isEqualTo(2);
        assertThat(DemoDatabase.count("select count(*) from demo.orders where id in (1, 2) and amount > 0"))
                .isEqualTo(2);
        assertThat(DemoDatabase.count("select count(*) from pg_tables where schemaname = 'demo' and tablename = 'pwned'"))
                .isZero();
    }

    private static Reply execute(String body) {
        return owner.post("/api/v1/dashboards/" + dashboardId + "/execute", body);
    }

    private static Reply options(String search) {
        return owner.get("/api/v1/dashboards/" + dashboardId + "/filters/status/options?search="
                + URLEncoder.encode(search, StandardCharsets.UTF_8));
    }

    /** No hostile value may slow a query down ({@code pg_sleep(5)} must never run). */
    static Reply timed(java.util.function.Supplier<Reply> call) {
        long started = System.nanoTime();
        Reply reply = call.get();
        assertThat((System.nanoTime() - started) / 1_000_000).as("duration of %s", reply).isLessThan(4_000);
        assertThat(reply.status()).as("%s", reply).isNotEqualTo(500);
        return reply;
    }

    private static void assertTotals(Reply reply, Totals expected) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode row = reply.json().at("/widgets/0/rows/0");
        assertThat(row.get(0).asLong()).as("orders of %s", reply).isEqualTo(expected.orders());
        assertThat(row.get(1).decimalValue()).as("revenue of %s", reply).isEqualByComparingTo(expected.revenue());
    }
}
