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
 * port, or freezes it ({@link #freeze}: SIGSTOP, as a stalled disk or a partition looks). zonky's EmbeddedPostgres cannot restart itself, so this reads the running postmaster's own
 * command line and drives {@code pg_ctl} from the same extracted binaries, as zonky does (through
 * {@code unshare -U} when running as root, which PostgreSQL refuses).
 */
final class PostgresProcess {

    private final Path dataDir;
    private final Path pgCtl;
    private final List<String> serverOptions;
    private final long postmaster;

    private PostgresProcess(Path dataDir, Path pgCtl, List<String> serverOptions, long postmaster) {
        this.dataDir = dataDir;
        this.pgCtl = pgCtl;
        this.serverOptions = serverOptions;
        this.postmaster = postmaster;
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
            return new PostgresProcess(dataDir, pgCtl, options, Long.parseLong(pid));
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

    /**
     * Stops the postmaster and every process it started (SIGSTOP): connections stay open and the
     * kernel still accepts new ones, but nothing answers. Close the returned freeze (SIGCONT) in a
     * {@code finally}: a frozen server would outlive the test.
     */
    Freeze freeze() {
        // The postmaster first, so that it forks nothing new while its children are being stopped.
        signal("-STOP", List.of(postmaster));
        List<Long> pids = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(child -> pids.add(child.pid())));
        pids.add(postmaster);
        try {
            signal("-STOP", pids);
        } catch (RuntimeException e) {
            signal("-CONT", pids);
            throw e;
        }
        return () -> signal("-CONT", pids);
    }

    /** A freeze in force until closed. */
    interface Freeze extends AutoCloseable {
        @Override
        void close();
    }

    private static void signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        run(command, "kill " + signal);
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(arguments));
        run(command, "pg_ctl " + String.join(" ", arguments));
    }

    private static void run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
