package io.dashshare.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reading exports next to executions (docs/api.md, exports): the CSV parsed with a real CSV
 * reader and the execute answer of the same widget, both as rows of comparable text (numbers
 * compared by value, so {@code 12.50} in JSON and {@code 12.50} in CSV are the same cell).
 */
final class Exports {

    /** Every order of the period the filters leave, as a table: far more rows than a widget answer holds. */
    static final String ALL_ORDERS_WIDGET = """
            {"slug": "all_orders", "title": "All orders", "visualization": "table",
             "sql": "select id, order_date, customer, region, status, amount from demo.orders where (:period_start::date is null or order_date >= :period_start) and (:period_end::date is null or order_date <= :period_end) and (:status::text[] is null or status = any(:status)) and (:region::text is null or region = :region) order by id"},
            """;

    private Exports() {
    }

    /** The demo dashboard with {@link #ALL_ORDERS_WIDGET} first, under a fresh slug; answers its id. */
    static String dashboardWithAllOrders(Owner owner) {
        String slug = "exports-" + UUID.randomUUID().toString().substring(0, 8);
        return owner.createDashboard(Owner.demoDashboardDocument()
                .replace("\"slug\": \"sales-overview\"", "\"slug\": \"" + slug + "\"")
                .replace("\"widgets\": [", "\"widgets\": [" + ALL_ORDERS_WIDGET));
    }

    /** The slug of the dashboard {@code id}, as the export's file name starts with it. */
    static String slugOf(Owner owner, String dashboardId) {
        return Owner.expect(200, owner.get("/api/v1/dashboards/" + dashboardId)).json().get("slug").asText();
    }

    /** A 200 CSV attachment: its data rows, after checking the headers and that the header row is {@code columns}. */
    static List<List<String>> csvRows(Reply reply, String dashboardSlug, String widgetSlug, List<String> types) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(reply.header("Cache-Control")).hasValue("no-store");
        assertThat(reply.header("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(disposition)
                .matches("attachment; filename=\"" + dashboardSlug + "-" + widgetSlug + "-\\d{4}-\\d{2}-\\d{2}\\.csv\""));
        assertThat(reply.body()).endsWith("\r\n");
        List<List<String>> rows = new ArrayList<>();
        for (CsvRecord record : CsvReader.builder().ofCsvRecord(reply.body())) {
            rows.add(record.getFields());
        }
        assertThat(rows).isNotEmpty();
        rows.remove(0);
        List<List<String>> normalized = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add("number".equals(types.get(i)) && !row.get(i).isEmpty() ? number(row.get(i)) : row.get(i));
            }
            normalized.add(cells);
        }
        return normalized;
    }

    /** The header row of an export. */
    static List<String> csvHeader(Reply reply) {
        return CsvReader.builder().ofCsvRecord(reply.body()).stream().findFirst().orElseThrow().getFields();
    }

    static JsonNode widget(Reply executed, String widgetSlug) {
        assertThat(executed.status()).as("%s", executed).isEqualTo(200);
        for (JsonNode widget : executed.json().get("widgets")) {
            if (widget.get("slug").asText().equals(widgetSlug)) {
                assertThat(widget.has("error")).as("%s", widget).isFalse();
                return widget;
            }
        }
        throw new AssertionError("no widget " + widgetSlug + " in " + executed);
    }

    static List<String> columnNames(JsonNode widget) {
        List<String> names = new ArrayList<>();
        widget.get("columns").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    static List<String> columnTypes(JsonNode widget) {
        List<String> types = new ArrayList<>();
        widget.get("columns").forEach(c -> types.add(c.get("type").asText()));
        return types;
    }

    /** The rows of one widget of an execute answer, as comparable text. */
    static List<List<String>> executeRows(JsonNode widget) {
        List<String> types = columnTypes(widget);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : widget.get("rows")) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                JsonNode cell = row.get(i);
                cells.add(cell.isNull() ? "" : "number".equals(types.get(i)) ? number(cell.asText()) : cell.asText());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String number(String text) {
        return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
}
