package io.dashshare.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dashshare.adapter.persistence.query.ReadOnlyRoleProvisioner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * One real PostgreSQL for the whole test JVM, started on first use and migrated once: the
 * service schema {@code sharing}, a dashboard schema {@code demo} with a small table, and the
 * read-only role {@value #READER} that dashboards query as. Tests never rely on empty tables.
 */
public final class TestDatabase {

    public static final String READER = "dash_reader";
    public static final String READER_PASSWORD = "reader-secret";

    private static TestDatabase instance;

    private final EmbeddedPostgres postgres;
    private final HikariDataSource service;
    private final JooqPersistence persistence;

    private TestDatabase() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(8);
        config.setPoolName("test-service");
        service = new HikariDataSource(config);
        SharingDatabase.migrate(service);
        try (Connection c = service.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    create schema demo;
                    create table demo.orders (
                        id bigint primary key, status text not null, region text, amount numeric(12,2) not null,
                        order_date date not null, customer text not null);
                    insert into demo.orders
                        select g, (array['Active','Pending','Closed','Cancelled'])[1 + g % 4],
                               (array['north','south','east','west'])[1 + g % 4], g * 1.25,
                               date '2025-01-01' + g, 'customer ' || g
                        from generate_series(1, 40) g;
                    """);
            ReadOnlyRoleProvisioner.provision(c, READER, READER_PASSWORD, "demo", Duration.ofSeconds(15));
        }
        persistence = JooqPersistence.on(service);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-stop"));
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            try {
                instance = new TestDatabase();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("test database setup failed", e);
            }
        }
        return instance;
    }

    private void stop() {
        service.close();
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is going away; nothing left to do with it
        }
    }

    public String url() {
        return url("postgres");
    }

    public String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** The service's own pool, as the superuser that owns schema {@code sharing}. */
    public DataSource service() {
        return service;
    }

    public JooqPersistence persistence() {
        return persistence;
    }

    /** A local port where nothing listens: connection refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
