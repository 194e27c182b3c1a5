package io.dashshare.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.TestService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An export streams (docs/api.md, exports): the runnable jar under {@code -Xmx96m} exports 2.5
 * million rows, about 170 MB of CSV and well over half a gigabyte as row objects, neither of which
 * fits its heap. Buffering the rows or the file anywhere on the way would end in an
 * OutOfMemoryError instead of the whole file. The run also shows {@code SHARING_EXPORT_MAX_ROWS}
 * at work: the statement yields three million rows, the file has the configured 2.5 million.
 */
class ExportMemoryIT {

    private static final String PASSWORD = "export-memory-test-1";
    private static final long MAX_ROWS = 2_500_000;
    private static final String DASHBOARD = """
            {"slug": "generated", "name": "Generated rows", "data_source": "demo", "filters": [],
             "widgets": [{"slug": "rows", "title": "Rows", "visualization": "table",
                          "sql": "select g as n, 'row number ' || g as label, md5(g::text) as hash, (g * 1.5)::numeric(14, 2) as amount from generate_series(1, 3000000) g"}]}""";

    @Test
    void a_service_with_a_96_mb_heap_streams_more_rows_than_its_heap_could_hold() throws Exception {
        Path jar = Path.of(System.getProperty("sharing.jar", "target/sharing-service.jar"));
        assertThat(jar).exists();
        Path dataDir = Files.createTempDirectory("sharing-export-");
        Path log = dataDir.resolve("service.log");
        int port = TestService.freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("PORT", Integer.toString(port), "SHARING_DATA_DIR", dataDir.toString(),
                "SHARING_ADMIN_PASSWORD", PASSWORD, "SHARING_EXPORT_MAX_ROWS", Long.toString(MAX_ROWS),
                // A fetch of generated rows is quick; the whole export is not bounded by the statement timeout.
                "SHARING_QUERY_TIMEOUT", "15s"));
        Process process = builder.start();
        try {
            awaitLine(log, process, "listening on port " + port);
            ApiClient api = new ApiClient("http://localhost:" + port);
            String token = api.login("admin@acme.test", PASSWORD);
            ApiClient.Reply created = api.post("/api/v1/dashboards", DASHBOARD, "Authorization", ApiClient.bearer(token));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            String id = created.json().get("id").asText();

            HttpRequest export = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dashboards/"
                            + id + "/widgets/rows/export"))
                    .header("Authorization", ApiClient.bearer(token)).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(export,
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            long[] counted = countLines(response.body());

            assertThat(counted[0]).as("lines: the header and every row up to the cap").isEqualTo(MAX_ROWS + 1);
            assertThat(counted[1]).as("bytes of CSV").isGreaterThan(150L * 1024 * 1024);
            assertThat(process.isAlive()).as("the service survived:\n%s", Files.readString(log)).isTrue();
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
            assertThat(api.get("/health").status()).isEqualTo(200);
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Lines ended by CRLF and bytes, read as they come and never kept. */
    private static long[] countLines(InputStream body) throws IOException {
        long lines = 0;
        long bytes = 0;
        boolean carriageReturn = false;
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n' && carriageReturn) {
                        lines++;
                    }
                    carriageReturn = buffer[i] == '\r';
                }
            }
        }
        return new long[] {lines, bytes};
    }

    private static void awaitLine(Path log, Process process, String line) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (output.contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + output);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not start in time:\n" + Files.readString(log));
    }
}
