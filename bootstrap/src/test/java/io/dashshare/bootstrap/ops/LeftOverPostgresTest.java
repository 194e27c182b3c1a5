package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.bootstrap.config.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * A service that died without stopping its embedded PostgreSQL (its first OutOfMemoryError ends
 * the process, docs/operations.md) leaves the server running on its data directory; the next start
 * stops that server and comes up, while a server whose service still runs is never touched.
 */
class LeftOverPostgresTest {

    @Test
    void a_start_stops_the_server_a_dead_service_left_and_refuses_one_a_live_service_owns() throws Exception {
        Path dataDir = Files.createTempDirectory("sharing-left-over-");
        EmbeddedDatabase owned = EmbeddedDatabase.start(dataDir);
        EmbeddedDatabase restarted = null;
        try {
            // The server is this JVM's child: another start on the directory is refused, and the server lives.
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running service");
            assertThat(answers(owned.jdbcUrl())).isTrue();

            // The service "dies": its lock on the directory goes, its server is started again by
            // pg_ctl and runs on with nobody holding the lock, as after an OutOfMemoryError.
            PostgresProcess left = PostgresProcess.of(dataDir);
            owned.close();
            left.start();
            long leftPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
            assertThat(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive)).hasValue(true);

            restarted = EmbeddedDatabase.start(dataDir);

            assertThat(ProcessHandle.of(leftPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(answers(restarted.jdbcUrl())).isTrue();
        } finally {
            if (restarted != null) {
                restarted.close();
            }
            stopQuietly(owned);
        }
    }

    private static boolean answers(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             ResultSet one = connection.createStatement().executeQuery("select 1")) {
            return one.next();
        }
    }

    /** The first server's handle: already closed when the test got as far as the restart. */
    private static void stopQuietly(EmbeddedDatabase database) {
        try {
            database.close();
        } catch (RuntimeException alreadyClosed) {
            // closed by the test on its way
        }
    }
}
