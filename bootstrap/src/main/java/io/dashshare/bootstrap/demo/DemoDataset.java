package io.dashshare.bootstrap.demo;

import io.dashshare.adapter.persistence.query.ReadOnlyRoleProvisioner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo data source: schema {@code demo} with 120,000 deterministic orders, readable only
 * through the read-only role {@link DemoSeeder#READER_ROLE}. Created before the application
 * context starts, so that the query pools and the start-up role check find the role in place.
 */
public final class DemoDataset {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataset.class);

    private DemoDataset() {
    }

    /** On a session of the service database's owner (the launcher's, under its start-up lock). */
    public static void seed(Connection connection, String readerPassword) {
        try (Statement statement = connection.createStatement()) {
            if (!hasOrders(statement)) {
                LOG.info("Seeding the demo dataset (demo.orders, 120,000 rows)...");
                statement.execute(DemoSeeder.resource("demo/orders.sql"));
            }
            ReadOnlyRoleProvisioner.provision(connection, DemoSeeder.READER_ROLE, readerPassword, "demo",
                    Duration.ofSeconds(15));
        } catch (SQLException e) {
            throw new IllegalStateException("the demo dataset could not be created", e);
        }
    }

    private static boolean hasOrders(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select to_regclass('demo.orders') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
        }
        try (ResultSet rs = statement.executeQuery("select exists (select 1 from demo.orders)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
