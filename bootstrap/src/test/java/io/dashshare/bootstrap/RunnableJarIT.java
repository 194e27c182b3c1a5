package io.dashshare.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.TestService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, for real: {@code java -jar bootstrap/target/sharing-service.jar} on a
 * fresh data directory starts the embedded database and the demo, and answers the guide's first
 * owner calls. Runs after {@code package} (failsafe), so it checks the shaded jar itself: a
 * dependency missing from it fails here, not at a user's first start.
 */
class RunnableJarIT {

    @Test
    void the_runnable_jar_starts_on_the_embedded_default_and_serves_the_demo() throws Exception {
        Path jar = Path.of(System.getProperty("sharing.jar", "target/sharing-service.jar"));
        assertThat(jar).exists();
        Path dataDir = Files.createTempDirectory("sharing-jar-");
        Path log = dataDir.resolve("service.log");
        int port = TestService.freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("PORT", Integer.toString(port), "SHARING_DATA_DIR", dataDir.toString()));
        Process process = builder.start();
        try {
            String output = awaitLine(log, process, "listening on port " + port);
            String password = output.lines().filter(l -> l.contains("password:")).findFirst()
                    .map(l -> l.substring(l.indexOf("password:") + 9).trim())
                    .orElseThrow(() -> new AssertionError("no generated admin password printed:\n" + output));

            ApiClient api = new ApiClient("http://localhost:" + port);
            String token = api.login("admin@acme.test", password);
            ApiClient.Reply dashboards = api.get("/api/v1/dashboards", "Authorization", ApiClient.bearer(token));
            assertThat(dashboards.status()).isEqualTo(200);
            assertThat(dashboards.json().get("dashboards").get(0).get("slug").asText()).isEqualTo("sales-overview");
            String id = dashboards.json().get("dashboards").get(0).get("id").asText();
            ApiClient.Reply executed = api.post("/api/v1/dashboards/" + id + "/execute", "{\"parameters\": {}}",
                    "Authorization", ApiClient.bearer(token));
            assertThat(executed.status()).as("%s", executed).isEqualTo(200);
            assertThat(executed.json().at("/widgets/0/rows/0/0").decimalValue()).isPositive();
            assertThat(api.get("/s/anything").status()).isEqualTo(200);

            // The jar's own log configuration (bootstrap's LogConfiguration, no XML): one line an
            // event in the documented shape, the request's id in brackets, the libraries quieter.
            String logged = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(logged.lines().filter(l -> l.contains("path=/api/v1/dashboards status=200")))
                    .singleElement().asString()
                    .matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[[0-9a-f]{24}\\] io\\.dashshare\\.access - method=GET .*");
            assertThat(logged).doesNotContain("Migrating schema").doesNotContain("HikariPool-1 - Start");
        } finally {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String awaitLine(Path log, Process process, String line) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (output.contains(line)) {
                return output;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + output);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not start in time:\n" + Files.readString(log));
    }
}
