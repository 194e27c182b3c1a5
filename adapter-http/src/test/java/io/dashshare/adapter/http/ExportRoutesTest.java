package io.dashshare.adapter.http;

import static io.dashshare.adapter.http.support.Fixtures.ACME;
import static io.dashshare.adapter.http.support.Fixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dashshare.adapter.http.export.ListCursor;
import io.dashshare.adapter.http.support.Fixtures;
import io.dashshare.adapter.http.support.HttpTest;
import io.dashshare.adapter.http.support.Reply;
import io.dashshare.application.port.in.EmbedAccess;
import io.dashshare.application.port.in.PortalViewer;
import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.filter.RawValue;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The four export routes (docs/api.md, exports) over real HTTP: the attachment's headers and
 * body, errors as JSON, and the body streaming as the client reads it, stopping when it leaves.
 */
@MicronautTest
class ExportRoutesTest extends HttpTest {

    private static final String SHARE_TOKEN = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";
    private static final List<Column> COLUMNS = List.of(new Column("customer", "text"), new Column("revenue", "number"));
    private static final WidgetSlug TOP = new WidgetSlug("top_customers");
    private final Dashboard sales = Fixtures.salesDashboard();

    private WidgetExport export(ListCursor cursor) {
        return new WidgetExport(new DashboardSlug("sales-overview"), TOP, cursor);
    }

    private static ListCursor twoRows() {
        return ListCursor.of(COLUMNS, List.of(List.of("Acme, Inc", 12L), List.of("=cmd", -5L)));
    }

    private static void assertCsvAttachment(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(reply.header("Content-Disposition")).isEqualTo("attachment; filename=\"sales-overview-top_customers-"
                + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.body()).isEqualTo("customer,revenue\r\n\"Acme, Inc\",12\r\n\"'=cmd\",-5\r\n");
    }

    @Test
    void the_public_export_answers_the_csv_attachment_with_the_parameters_passed_through() throws InterruptedException {
        ListCursor cursor = twoRows();
        Map<String, RawValue> sent = Map.of("region", new RawValue.Str("north"));
        when(publicShares.export(eq(SHARE_TOKEN), eq(TOP), eq(sent), any())).thenReturn(export(cursor));

        assertCsvAttachment(api.post("/api/v1/public/shares/" + SHARE_TOKEN + "/widgets/top_customers/export",
                "{\"parameters\": {\"region\": \"north\"}, \"format\": \"csv\"}"));
        // The server closes the cursor after writing the last chunk, which the client may have read first.
        assertThat(cursor.closedLatch().await(10, TimeUnit.SECONDS)).as("the cursor is closed after the last row").isTrue();
    }

    @Test
    void the_portal_export_carries_the_context_id_like_execute() {
        PortalViewer viewer = new PortalViewer(ACME, new EmailAddress("customer@company.com"), List.of(Fixtures.context()));
        when(portal.authenticate(eq("acme"), eq("SHARE_ACCESS_TOKEN"), any())).thenReturn(viewer);
        when(portal.export(viewer, new DashboardSlug("sales-overview"), Fixtures.context().id(), TOP, Map.of()))
                .thenReturn(export(twoRows()));

        assertCsvAttachment(api.post("/api/v1/share-portal/acme/dashboards/sales-overview/widgets/top_customers/export",
                "{\"context_id\": \"" + Fixtures.context().id() + "\"}", "Authorization", "Bearer SHARE_ACCESS_TOKEN"));
        Reply noContext = api.post("/api/v1/share-portal/acme/dashboards/sales-overview/widgets/top_customers/export",
                "{}", "Authorization", "Bearer SHARE_ACCESS_TOKEN");
        assertThat(noContext.status()).isEqualTo(400);
        assertThat(noContext.errorCode()).isEqualTo("INVALID_CONTEXT_ID");
    }

    @Test
    void the_embed_export_verifies_the_token_once_and_answers_the_attachment() {
        String token = "header.payload.signature";
        EmbedAccess access = Fixtures.embedAccess(Fixtures.shared(sales));
        when(embeds.open(token)).thenReturn(access);
        when(embeds.export(eq(access), eq(TOP), eq(Map.of()), any())).thenReturn(export(twoRows()));

        assertCsvAttachment(api.post("/api/embed/d/" + token + "/widgets/top_customers/export", "{}"));
    }

    @Test
    void the_owner_export_needs_the_owner_token() {
        when(preview.export(OWNER, Fixtures.dashboardId(sales), TOP, Map.of())).thenReturn(export(twoRows()));
        String path = "/api/v1/dashboards/" + Fixtures.dashboardId(sales) + "/widgets/top_customers/export";

        assertCsvAttachment(api.post(path, "{\"parameters\": {}}", owner()));
        assertThat(api.post(path, "{}").status()).isEqualTo(401);
    }

    @Test
    void any_format_but_csv_and_unknown_members_are_400_before_the_use_case_runs() {
        String path = "/api/v1/public/shares/" + SHARE_TOKEN + "/widgets/top_customers/export";
        for (String body : List.of("{\"format\": \"xlsx\"}", "{\"format\": \"CSV\"}", "{\"format\": null}",
                "{\"format\": 1}", "{\"fromat\": \"csv\"}")) {
            Reply reply = api.post(path, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.errorCode()).as(body).isEqualTo("INVALID_REQUEST");
            assertThat(reply.header("Content-Type")).as(body).startsWith("application/json");
        }
        assertThat(((Map<?, ?>) api.post(path, "{\"format\": \"xlsx\"}").json().get("details")).get("field"))
                .isEqualTo("format");
        verifyNoInteractions(publicShares);
    }

    @Test
    void downloads_disabled_and_policy_errors_are_the_json_error_model() {
        String path = "/api/v1/public/shares/" + SHARE_TOKEN + "/widgets/top_customers/export";
        when(publicShares.export(eq(SHARE_TOKEN), eq(TOP), anyMap(), any())).thenThrow(new SharingException(ErrorCode.FORBIDDEN,
                "Downloads are not enabled for this dashboard.", Map.of("reason", "downloads_disabled")));

        Reply reply = api.post(path, "{}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(reply.json().get("details")).isEqualTo(Map.of("reason", "downloads_disabled"));
        assertThat(reply.header("Content-Disposition")).isNull();
    }

    @Test
    void a_widget_slug_that_cannot_be_one_is_404_without_asking_the_use_case() {
        Reply reply = api.post("/api/v1/public/shares/" + SHARE_TOKEN + "/widgets/Not%20A%20Slug/export", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
        verifyNoInteractions(publicShares);
    }

    @Test
    void a_failure_after_the_first_bytes_aborts_the_response_instead_of_ending_a_truncated_file() throws Exception {
        ListCursor cursor = ListCursor.generated(COLUMNS, 1_000_000, i -> List.of("customer " + i, i)).failingAfter(50_000);
        when(publicShares.export(anyString(), any(), anyMap(), any())).thenReturn(export(cursor));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/public/shares/"
                        + SHARE_TOKEN + "/widgets/top_customers/export"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream body = response.body()) {
            body.transferTo(received);
            throw new AssertionError("the body ended normally after " + received.size() + " bytes");
        } catch (IOException expected) {
            // Rows up to the failing fetch's chunk came through; nothing from past the failure did.
            assertThat(received.toString(StandardCharsets.UTF_8)).startsWith("customer,revenue\r\ncustomer 0,0\r\n")
                    .contains("customer 40000,40000\r\n").doesNotContain("customer 50000,");
        }
        assertThat(cursor.closedLatch().await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void the_body_is_read_from_the_cursor_only_as_fast_as_the_client_reads_and_a_client_that_leaves_closes_it()
            throws Exception {
        // About 60 MB of CSV: far more than the socket buffers and the server's chunks hold.
        ListCursor cursor = ListCursor.generated(COLUMNS, 2_000_000, i -> List.of("customer number " + i, i));
        when(publicShares.export(anyString(), any(), anyMap(), any())).thenReturn(export(cursor));
        String body = "{}";

        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setReceiveBufferSize(64 * 1024);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/public/shares/" + SHARE_TOKEN + "/widgets/top_customers/export HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(2048);
            assertThat(new String(start, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");

            // The client stops reading: the server fills the socket buffers and then waits.
            long read = waitUntilSteady(cursor);
            assertThat(read).as("rows read while the client reads nothing").isLessThan(200_000);

            // Reading on lets the rows flow again.
            in.readNBytes(8 * 1024 * 1024);
            assertThat(cursor.read()).isGreaterThan(read);
            assertThat(cursor.isClosed()).isFalse();
        }
        assertThat(cursor.closedLatch().await(10, TimeUnit.SECONDS)).as("the cursor is closed once the client left")
                .isTrue();
        assertThat(cursor.read()).isLessThan(1_000_000);
    }

    /** The rows read once the count stops moving for half a second. */
    private static long waitUntilSteady(ListCursor cursor) throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = cursor.read();
            if (now == last && now > 0) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the server kept reading rows the client never took: " + cursor.read());
    }
}
