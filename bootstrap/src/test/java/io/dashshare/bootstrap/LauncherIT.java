package io.dashshare.bootstrap;

import java.util.function.BiConsumer;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.TestService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's run command through the launcher, for real: {@code bin/sharing-service} starts the
 * shaded jar with the JVM options docs/operations.md ("Memory and JVM options") explains, on a
 * fresh data directory; the first start leaves a class-data archive in it at exit, and the next
 * start maps that archive and serves the demo again.
 */
class LauncherIT {

    @Test
    void the_launcher_starts_the_jar_with_its_options_and_reuses_its_class_data_archive() throws Exception {
        Path jar = Path.of(System.getProperty("sharing.jar", "target/sharing-service.jar")).toAbsolutePath();
        Path launcher = Path.of("..", "bin", "sharing-service").toAbsolutePath().normalize();
        assertThat(jar).exists();
        assertThat(launcher).isExecutable();
        Path dataDir = Files.createTempDirectory("sharing-launcher-");
        try {
            List<String> first = startServeAndStop(launcher, jar, dataDir, "first.log", (api, token) -> { });
            assertThat(first).contains("-Xmx64m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m", "-XX:TrimNativeHeapInterval=5000",
                    "-XX:MaxDirectMemorySize=64m", "-XX:+ExitOnOutOfMemoryError");
            assertThat(first).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
            try (Stream<Path> archives = Files.list(dataDir.resolve("cds"))) {
                assertThat(archives.filter(p -> p.toString().endsWith(".jsa")).toList())
                        .as("the archive written at the first start's exit").hasSize(1)
                        .allMatch(p -> p.toFile().length() > 1_000_000);
            }

            // The audit writer's flush job is slowed to an hour: the first start's login event can
            // only have been written by its shutdown on SIGTERM (docs/api.md, audit log).
            List<String> second = startServeAndStop(launcher, jar, dataDir, "second.log", (api, token) -> {
                ApiClient.Reply events = api.get("/api/v1/audit/events?type=owner.signed_in", "Authorization",
                        ApiClient.bearer(token));
                assertThat(events.status()).as("%s", events).isEqualTo(200);
                assertThat(events.json().get("events")).as("the first start's login, written at its SIGTERM")
                        .hasSize(1);
            });
            assertThat(second).anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
            assertThat(second).noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
        } finally {
            deleteTree(dataDir);
        }
    }

    /** Starts the launcher, logs in, runs the demo dashboard and {@code check}, stops it (SIGTERM); returns the JVM's arguments. */
    private static List<String> startServeAndStop(Path launcher, Path jar, Path dataDir, String logName,
                                                  BiConsumer<ApiClient, String> check) throws Exception {
        Path log = dataDir.resolve(logName);
        int port = TestService.freePort();
        ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("PORT", Integer.toString(port), "SHARING_DATA_DIR", dataDir.toString(),
                "SHARING_JAR", jar.toString(), "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "SHARING_ADMIN_PASSWORD", "launcher-test-password-1", "SHARING_AUDIT_FLUSH_INTERVAL", "1h"));
        Process process = builder.start();
        try {
            awaitLine(log, process, "listening on port " + port);
            // The launcher execs java: the process started is the JVM itself.
            List<String> arguments = Arrays.asList(process.info().arguments().orElseThrow());
            ApiClient api = new ApiClient("http://localhost:" + port);
            String token = api.login("admin@acme.test", "launcher-test-password-1");
            ApiClient.Reply dashboards = api.get("/api/v1/dashboards", "Authorization", ApiClient.bearer(token));
            assertThat(dashboards.status()).isEqualTo(200);
            String id = dashboards.json().get("dashboards").get(0).get("id").asText();
            ApiClient.Reply executed = api.post("/api/v1/dashboards/" + id + "/execute", "{\"parameters\": {}}",
                    "Authorization", ApiClient.bearer(token));
            assertThat(executed.status()).as("%s", executed).isEqualTo(200);
            check.accept(api, token);
            return arguments;
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void awaitLine(Path log, Process process, String line) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (output.contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the launcher exited with " + process.exitValue() + ":\n" + output);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not start in time:\n" + Files.readString(log));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}
