package io.dashshare.bootstrap.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL from Maven Central binaries, its data kept in {@code SHARING_DATA_DIR/postgres}
 * so that it survives restarts. Only the local machine can connect.
 *
 * <p>A service that dies without stopping it (its first {@code OutOfMemoryError} ends the process,
 * docs/operations.md; a {@code kill -9}; the kernel's OOM killer) leaves its PostgreSQL running on
 * the directory, and every later start would fail on the directory's lock. So a start first stops
 * such a left-over server: one named by the directory's {@code postmaster.pid}, alive, a
 * {@code postgres} binary, while no process holds the lock file zonky keeps for the life of the
 * service that started it (a server whose service still runs is an error instead: two services
 * cannot share one data directory).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());

    /** How long a left-over server gets to shut down (its clients are gone, so it is quick). */
    static final Duration LEFT_OVER_STOP = Duration.ofSeconds(30);

    /** zonky's lock file in the data directory (EmbeddedPostgres.LOCK_FILE_NAME, not public). */
    private static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Path directory = dataDir.resolve("postgres");
            Files.createDirectories(directory);
            stopLeftOver(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    // Its own JVM shutdown hook would stop PostgreSQL while the service still writes
                    // its last rows (the audit log's shutdown flush): the service's hook stops it after
                    // the context (SharingLauncher.RunningService).
                    .setRegisterShutdownHook(false)
                    .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
    }

    /** Stops the server a dead service left running on {@code directory}, if any (above). */
    static void stopLeftOver(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        // The lock file's first two lines: the postmaster's pid, then its data directory.
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("[0-9]{1,10}")
                || !Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
                        .equals(directory.toAbsolutePath().normalize())) {
            return; // not a lock this code can read: PostgreSQL's own check decides
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> command(process).endsWith("/postgres"));
        if (postmaster.isEmpty()) {
            return; // a stale lock: PostgreSQL removes it itself
        }
        // zonky holds its lock file for as long as the service that started the server runs.
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(directory);
            }
            stop(postmaster.get(), directory);
        } catch (OverlappingFileLockException e) {
            throw inUse(directory);
        }
    }

    private static IllegalStateException inUse(Path directory) {
        return new IllegalStateException("the data directory " + directory.getParent() + " is in use by another "
                + "running service: give each instance its own SHARING_DATA_DIR, or one shared SHARING_DB_URL");
    }

    private static void stop(ProcessHandle postmaster, Path directory) {
        LOG.log(System.Logger.Level.WARNING, "A previous run left its embedded PostgreSQL (process {0}) running on "
                + "{1}: stopping it before starting a new one", String.valueOf(postmaster.pid()), directory);
        postmaster.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its sessions died with the old service
        try {
            postmaster.onExit().get(LEFT_OVER_STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the embedded PostgreSQL a previous run left running (process "
                    + postmaster.pid() + ") did not stop within " + LEFT_OVER_STOP.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a left-over PostgreSQL stopped", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for a left-over PostgreSQL to stop failed", e);
        }
    }

    private static String command(ProcessHandle process) {
        return process.info().command().orElse("");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public String superUser() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
