package io.dashshare.bootstrap.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and restarts the embedded PostgreSQL of a test service on the same data directory and
 * port. zonky's EmbeddedPostgres cannot restart itself, so this reads the running postmaster's own
 * command line and drives {@code pg_ctl} from the same extracted binaries, as zonky does (through
 * {@code unshare -U} when running as root, which PostgreSQL refuses).
 */
final class PostgresProcess {

    private final Path dataDir;
    private final Path pgCtl;
    private final List<String> serverOptions;

    private PostgresProcess(Path dataDir, Path pgCtl, List<String> serverOptions) {
        this.dataDir = dataDir;
        this.pgCtl = pgCtl;
        this.serverOptions = serverOptions;
    }

    /** The running server of a service whose {@code SHARING_DATA_DIR} is {@code serviceDataDir}. */
    static PostgresProcess of(Path serviceDataDir) {
        Path dataDir = serviceDataDir.resolve("postgres");
        try {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            String[] argv = new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8)
                    .split("\0");
            Path pgCtl = Path.of(argv[0]).resolveSibling("pg_ctl");
            List<String> options = new ArrayList<>();
            List<String> rest = Arrays.asList(argv).subList(1, argv.length);
            for (int i = 0; i < rest.size(); i++) {
                if (rest.get(i).equals("-D")) {
                    i++;
                } else {
                    options.add(rest.get(i));
                }
            }
            return new PostgresProcess(dataDir, pgCtl, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fast shutdown: open connections are terminated, as in a crash of the database host's service. */
    void stop() {
        pgCtl("-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30", "stop");
    }

    void start() {
        pgCtl("-D", dataDir.toString(), "-o", String.join(" ", serverOptions), "-l",
                dataDir.resolveSibling("postgres-restart.log").toString(), "-w", "-t", "30", "start");
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
