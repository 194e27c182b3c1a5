package io.dashshare.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.testing.FilterBuilder;
import io.dashshare.domain.testing.PolicyBuilder;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/** The stored JSON is the API's snake_case shape (docs/api.md#dashboards), and reads back to the same values. */
class DashboardJsonCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static Dashboard dashboard() {
        return DashboardBuilder.aDashboard()
                .withFilter(FilterBuilder.aDateFilter("period_start").labelled("From").withDefault("2025-01-01"))
                .withFilter(FilterBuilder.aNumberFilter("min_amount").withDefault("10.50"))
                .withFilter(FilterBuilder.aMultiSelect("status").withDynamicOptions(DashboardBuilder.DYNAMIC_STATUS_SQL))
                .withFilter(FilterBuilder.aSelect("region").labelled("Region").withStaticOptions("north"))
                .withWidget("revenue", Visualization.NUMBER,
                        "select sum(amount) as revenue from demo.orders where order_date >= :period_start")
                .build();
    }

    @Test
    void the_definition_column_holds_filters_and_widgets_in_the_wire_shape() throws Exception {
        JSONB body = DashboardJsonCodec.definitionBody(dashboard().definition());

        assertThat(tree(body.data())).isEqualTo(tree("""
                {"filters": [
                  {"slug": "period_start", "label": "From", "kind": "date", "required": false, "default": "2025-01-01"},
                  {"slug": "min_amount", "label": "min_amount", "kind": "number", "required": false, "default": 10.5},
                  {"slug": "status", "label": "status", "kind": "multi_select", "required": false,
                   "options": {"source": "dynamic", "sql": "%s"}},
                  {"slug": "region", "label": "Region", "kind": "select", "required": false,
                   "options": {"source": "static", "values": [{"label": "North", "value": "north"}]}}],
                 "widgets": [
                  {"slug": "revenue", "title": "revenue", "visualization": "number",
                   "sql": "select sum(amount) as revenue from demo.orders where order_date >= :period_start"}]}
                """.formatted(DashboardBuilder.DYNAMIC_STATUS_SQL)));
    }

    @Test
    void a_stored_definition_reads_back_equal() {
        DashboardDefinition definition = dashboard().definition();

        DashboardDefinition read = DashboardJsonCodec.definition(definition.slug().value(), definition.name(),
                definition.description(), definition.dataSource().value(), DashboardJsonCodec.definitionBody(definition));

        assertThat(read).isEqualTo(definition);
    }

    @Test
    void the_same_stored_text_is_read_once_and_other_text_is_read_afresh() {
        DashboardDefinition definition = dashboard().definition();
        JSONB body = DashboardJsonCodec.definitionBody(definition);
        DashboardDefinition first = DashboardJsonCodec.definition("d", "D", null, "demo", JSONB.jsonb(body.data()));

        assertThat(DashboardJsonCodec.definition("d", "D", null, "demo", JSONB.jsonb(body.data()))).isSameAs(first);
        assertThat(DashboardJsonCodec.definition("d", "Renamed", null, "demo", body).name()).isEqualTo("Renamed");
        assertThat(DashboardJsonCodec.definition("d", "D", null, "other", body).dataSource().value())
                .isEqualTo("other");
    }

    @Test
    void policies_are_stored_as_the_guide_writes_them_and_read_back_equal() throws Exception {
        Dashboard dashboard = DashboardBuilder.aSalesDashboard().withFilter(FilterBuilder.aNumberFilter("min_amount")).build();
        List<FilterPolicy> policies = List.of(
                PolicyBuilder.selectable(dashboard.definition().filter("status").orElseThrow(), "Active", "Closed"),
                PolicyBuilder.fixed(dashboard.definition().filter("region").orElseThrow(), "north"),
                PolicyBuilder.fixed(dashboard.definition().filter("min_amount").orElseThrow(),
                        new RawValue.Num(new BigDecimal("12345678901234567890.123456789"))),
                PolicyBuilder.disabled(dashboard.definition().filter("period_end").orElseThrow()));

        JSONB stored = DashboardJsonCodec.policies(policies);

        assertThat(tree(stored.data())).isEqualTo(tree("""
                [{"filter_slug": "status", "filter_kind": "multi_select", "mode": "selectable", "allowed_values": ["Active", "Closed"]},
                 {"filter_slug": "region", "filter_kind": "select", "mode": "fixed", "value": "north"},
                 {"filter_slug": "min_amount", "filter_kind": "number", "mode": "fixed", "value": 12345678901234567890.123456789},
                 {"filter_slug": "period_end", "filter_kind": "date", "mode": "disabled"}]
                """));
        assertThat(DashboardJsonCodec.policies(stored)).isEqualTo(policies);
    }

    @Test
    void stored_json_that_no_longer_reads_is_a_bug_not_a_bad_request() {
        assertThatThrownBy(() -> DashboardJsonCodec.policies(JSONB.jsonb("[{\"filter_slug\": \"x\", \"mode\": \"sometimes\"}]")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DashboardJsonCodec.definition("d", "D", "", "demo", JSONB.jsonb("[]")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DashboardJsonCodec.policies(JSONB.jsonb("{")))
                .isInstanceOf(IllegalStateException.class);
    }
}
