package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.adapter.persistence.audit.JooqAuditLog;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.TestService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A clean shutdown writes the audit events still queued (docs/api.md, audit log): the writer is
 * closed before the database pool it writes through. The flush job is slowed to an hour, so only
 * the shutdown can have written them.
 */
class AuditShutdownTest {

    @Test
    void events_still_queued_at_shutdown_are_written_before_the_pool_closes() throws SQLException {
        TestService service = TestService.start(Map.of("sharing.audit.flush-interval", "1h"));
        try {
            ApiClient api = service.api();
            String token = api.login(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD);
            for (int i = 0; i < 3; i++) {
                assertThat(api.get("/api/v1/dashboards", "Authorization", ApiClient.bearer(token)).status())
                        .isEqualTo(200);
                assertThat(api.post("/api/v1/auth/login", "{\"email\": \"" + TestService.ADMIN_EMAIL
                        + "\", \"password\": \"not the password " + i + "\"}").status()).isEqualTo(401);
            }
            JooqAuditLog writer = service.running().context().getBean(JooqAuditLog.class);
            assertThat(writer.pending()).as("queued, not yet written").isEqualTo(4);
            assertThat(count(service, "type in ('owner.signed_in', 'owner.sign_in_failed')")).isZero();

            service.running().server().stop();
            service.running().context().close();

            assertThat(count(service, "type = 'owner.signed_in'")).isEqualTo(1);
            assertThat(count(service, "type = 'owner.sign_in_failed' and outcome = 'UNAUTHENTICATED'")).isEqualTo(3);
        } finally {
            service.close();
        }
    }

    private static long count(TestService service, String where) throws SQLException {
        try (Connection connection = DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from sharing.audit_events where " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
