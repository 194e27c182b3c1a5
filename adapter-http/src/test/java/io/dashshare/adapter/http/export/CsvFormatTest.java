package io.dashshare.adapter.http.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.execution.Column;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSV of an export, cell by cell (docs/api.md, exports): RFC 4180, CRLF, UTF-8, the injection guard. */
class CsvFormatTest {

    private static final Column TEXT = new Column("value", "text");
    private static final Column NUMBER = new Column("value", "number");
    private static final Column DATE = new Column("value", "date");
    private static final Column TIMESTAMP = new Column("value", "timestamp");
    private static final Column BOOLEAN = new Column("value", "boolean");
    private static final Column JSON = new Column("value", "json");

    static String csv(List<Column> columns, List<List<Object>> rows) {
        WidgetExport export = new WidgetExport(new DashboardSlug("sales"), new WidgetSlug("orders"),
                ListCursor.of(columns, rows));
        try (InputStream in = new CsvDownload(export, Runnable::run, "test")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The one data line a single cell of {@code column} becomes, without its CRLF. */
    private static String line(Column column, Object cell) {
        String all = csv(List.of(column), List.of(Arrays.asList(cell)));
        assertThat(all).startsWith("value\r\n").endsWith("\r\n");
        return all.substring("value\r\n".length(), all.length() - 2);
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                // plain text, RFC 4180 quoting
                Arguments.of(TEXT, "plain", "plain"),
                Arguments.of(TEXT, "a,b", "\"a,b\""),
                Arguments.of(TEXT, "say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of(TEXT, "two\nlines", "\"two\nlines\""),
                Arguments.of(TEXT, "two\r\nlines", "\"two\r\nlines\""),
                Arguments.of(TEXT, "nul\0inside", "\"nul\0inside\""),
                Arguments.of(TEXT, " padded ", " padded "),
                // empty text and null differ, as in PostgreSQL's COPY CSV
                Arguments.of(TEXT, "", "\"\""),
                Arguments.of(TEXT, null, ""),
                Arguments.of(NUMBER, null, ""),
                // CSV injection: every formula start in a text cell gets a quote, and is quoted
                Arguments.of(TEXT, "=1+1", "\"'=1+1\""),
                Arguments.of(TEXT, "+1", "\"'+1\""),
                Arguments.of(TEXT, "-5", "\"'-5\""),
                Arguments.of(TEXT, "@SUM(A1:A2)", "\"'@SUM(A1:A2)\""),
                Arguments.of(TEXT, "\tcmd", "\"'\tcmd\""),
                Arguments.of(TEXT, "\rcmd", "\"'\rcmd\""),
                Arguments.of(TEXT, "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
                Arguments.of(TEXT, "a=1", "a=1"),
                Arguments.of(TEXT, "'quoted", "\"'quoted\""),
                // numbers stay numbers, negative ones too
                Arguments.of(NUMBER, -5L, "-5"),
                Arguments.of(NUMBER, 9_000_000_000L, "9000000000"),
                Arguments.of(NUMBER, new BigDecimal("-12.50"), "-12.50"),
                Arguments.of(NUMBER, new BigDecimal("1E+3"), "1000"),
                Arguments.of(NUMBER, new BigDecimal("0.000001"), "0.000001"),
                // dates and timestamps as ISO text, booleans as words, JSON as it is
                Arguments.of(DATE, "2025-02-03", "2025-02-03"),
                Arguments.of(TIMESTAMP, "2025-02-03T02:05:06.500Z", "2025-02-03T02:05:06.500Z"),
                Arguments.of(BOOLEAN, true, "true"),
                Arguments.of(JSON, "{\"a\": [1, 2]}", "\"{\"\"a\"\": [1, 2]}\""),
                Arguments.of(JSON, "-1", "-1"),
                // UTF-8, multi-byte and astral characters whole
                Arguments.of(TEXT, "Zürich – 東京 🚀", "Zürich – 東京 🚀"),
                Arguments.of(TEXT, "ünïcödé,\"x\"", "\"ünïcödé,\"\"x\"\"\""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void a_cell_is_written_as_rfc_4180_and_guarded_against_formulas(Column column, Object cell, String expected) {
        assertThat(line(column, cell)).isEqualTo(expected);
    }

    @Test
    void the_header_row_names_the_columns_and_every_line_ends_with_crlf() {
        String csv = csv(List.of(new Column("customer", "text"), new Column("orders, total", "number"),
                        new Column("=cmd", "number")),
                List.of(List.of("Acme", 3L, new BigDecimal("10.5")), Arrays.asList(null, 0L, null)));

        assertThat(csv).isEqualTo("customer,\"orders, total\",\"'=cmd\"\r\nAcme,3,10.5\r\n,0,\r\n");
    }

    @Test
    void no_rows_is_the_header_alone_and_the_bytes_are_utf_8_without_a_bom() {
        String csv = csv(List.of(new Column("städte", "text")), List.of());

        assertThat(csv).isEqualTo("städte\r\n");
        assertThat(csv.getBytes(StandardCharsets.UTF_8)[0]).isEqualTo((byte) 's');
    }

    @Test
    void rows_longer_than_a_chunk_arrive_whole_and_in_order() {
        String big = "x".repeat(CsvDownload.CHUNK * 2 + 17);
        List<List<Object>> rows = List.of(List.of(1L, big), List.of(2L, "é".repeat(CsvDownload.CHUNK)), List.of(3L, "end"));

        String csv = csv(List.of(new Column("n", "number"), new Column("t", "text")), rows);

        assertThat(csv).isEqualTo("n,t\r\n1," + big + "\r\n2," + "é".repeat(CsvDownload.CHUNK) + "\r\n3,end\r\n");
    }
}
