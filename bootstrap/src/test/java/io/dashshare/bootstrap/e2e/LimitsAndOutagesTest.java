package io.dashshare.bootstrap.e2e;

import static io.dashshare.bootstrap.e2e.ApiAssertions.assertError;
import static io.dashshare.bootstrap.e2e.ApiAssertions.assertNothingInternal;
import static io.dashshare.bootstrap.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import io.dashshare.bootstrap.testing.Owner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A dedicated service, because these tests change what all others rely on: a one-second
 * statement timeout and a seven-row cap (the query settings reach the executor), its SMTP server
 * stopped (202 all the same: the mail waits in the outbox, sealed), then its PostgreSQL stopped under it (503
 * SERVICE_UNAVAILABLE, promptly, in the error model) and started again (the service recovers by
 * itself, docs/errors.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitsAndOutagesTest {

    private static TestService service;
    private static ApiClient api;
    private static String accessToken;
    private static String shareToken;
    private static String dashboardId;
    private static EmbeddedPostgres restarted;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("sharing.query.timeout", "1s", "sharing.query.max-rows", "7"));
        api = service.api();
        accessToken = api.login(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD);
        dashboardId = api.get("/api/v1/dashboards", "Authorization", bearer(accessToken)).json()
                .get("dashboards").get(0).get("id").asText();
        shareToken = api.post("/api/v1/dashboards/" + dashboardId + "/shares",
                "{\"name\": \"down\", \"share_type\": \"link\"}", "Authorization", bearer(accessToken))
                .json().get("token").asText();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    @Test
    @Order(1)
    void a_slow_widget_is_stopped_by_the_statement_timeout_and_reported_as_DB_QUERY_ERROR_without_sql() {
        String id = Owner.expect(201, api.post("/api/v1/dashboards", """
                {"slug": "slow", "name": "Slow", "data_source": "demo", "filters": [],
                 "widgets": [{"slug": "slow", "title": "Slow", "visualization": "number", "sql": "select pg_sleep(30) is null as slept"},
                             {"slug": "rows", "title": "Rows", "visualization": "table", "sql": "select id from demo.orders order by id"}]}""",
                "Authorization", bearer(accessToken))).json().get("id").asText();

        long started = System.nanoTime();
        Reply reply = api.post("/api/v1/dashboards/" + id + "/execute", "{}", "Authorization", bearer(accessToken));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertNothingInternal(reply);
        JsonNode widgets = reply.json().get("widgets");
        assertThat(widgets.get(0).at("/error/error_code").asText()).isEqualTo("DB_QUERY_ERROR");
        assertThat(widgets.get(1).get("rows")).hasSize(7);
        assertThat(widgets.get(1).get("truncated").asBoolean()).isTrue();
        assertThat(widgets.get(1).get("row_count").asInt()).isEqualTo(7);
    }

    @Test
    @Order(2)
    void with_the_mail_server_down_request_code_is_202_the_mail_waits_sealed_and_no_log_line_holds_the_code()
            throws Exception {
        String email = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@viewer.example";
        String context = Owner.expect(201, api.post("/api/v1/share-contexts", "{\"name\": \"mail down\"}",
                "Authorization", bearer(accessToken))).json().get("id").asText();
        Owner.expect(201, api.post("/api/v1/share-contexts/" + context + "/members",
                "{\"member_type\": \"external_email\", \"email\": \"" + email + "\"}", "Authorization", bearer(accessToken)));
        Owner.expect(201, api.post("/api/v1/dashboards/" + dashboardId + "/shares", "{\"name\": \"mail\", \"share_type\":"
                + " \"link\", \"share_context_id\": \"" + context + "\"}", "Authorization", bearer(accessToken)));
        service.mail().stop();

        List<String> lines;
        Reply reply;
        try (LogCapture capture = new LogCapture()) {
            reply = api.post("/api/v1/share-auth/request",
                    "{\"company_slug\": \"acme\", \"email\": \"" + email + "\"}");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (capture.lines().stream().noneMatch(l -> l.contains("attempt 1 failed")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            lines = capture.lines();
        }

        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        try (Connection db = DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
             PreparedStatement query = db.prepareStatement("select sealed_body, attempts from sharing.mail_outbox "
                     + "where recipient = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("the mail waits in the outbox").isTrue();
                String sealed = new String(rows.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(sealed).doesNotContainPattern("[0-9]{8}").doesNotContain("Acme", "acme", email);
                assertThat(rows.getInt(2)).isPositive();
            }
        }
        assertThat(lines).anyMatch(l -> l.contains("status=202"));
        assertThat(lines).filteredOn(l -> l.contains("attempt 1 failed"))
                .anySatisfy(l -> assertThat(l).contains("one_time_code", "could not be handed to SMTP server"));
        // Ids are UUIDs, whose 4-character groups can be digits: they are not what this looks for.
        assertThat(lines).map(l -> l.replaceAll("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "<id>"))
                .noneMatch(l -> l.matches("(?s).*\\b\\d{4}-?\\d{4}\\b.*"));
    }

    @Test
    @Order(3)
    void with_the_database_stopped_every_route_that_needs_it_answers_503_SERVICE_UNAVAILABLE_promptly() {
        service.running().embedded().close();

        assertUnavailable(() -> api.post("/api/v1/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD)));
        assertUnavailable(() -> api.get("/api/v1/dashboards", "Authorization", bearer(accessToken)));
        assertUnavailable(() -> api.get("/api/v1/public/shares/" + shareToken + "/resolve"));
        assertUnavailable(() -> api.post("/api/v1/share-auth/request",
                "{\"company_slug\": \"acme\", \"email\": \"someone@example.com\"}"));
        // Routes that need no database still work.
        assertError(api.get("/api/v1/nope"), 404, "NOT_FOUND");
        Reply health = api.get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertNothingInternal(health);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
    }

    @Test
    @Order(4)
    void when_the_database_is_back_the_service_recovers_by_itself() throws Exception {
        restarted = EmbeddedPostgres.builder()
                .setPort(service.running().embedded().port())
                .setDataDirectory(service.dataDir().resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();

        Reply login = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            login = api.post("/api/v1/auth/login", """
                    {"email": "%s", "password": "%s"}""".formatted(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD));
            if (login.status() == 200) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        // The dashboard data source has its own gate and heartbeat: it reopens on its own beat.
        Reply executed = api.post("/api/v1/public/shares/" + shareToken + "/execute", "{}");
        while (System.nanoTime() < deadline && executed.json().at("/widgets/0/rows").isMissingNode()) {
            Thread.sleep(250);
            executed = api.post("/api/v1/public/shares/" + shareToken + "/execute", "{}");
        }
        assertThat(executed.status()).as("%s", executed).isEqualTo(200);
        assertThat(executed.json().at("/widgets/0/rows").isMissingNode()).as("%s", executed).isFalse();
        assertThat(executed.json().at("/widgets/0/rows/0/0").decimalValue()).isPositive();
        assertThat(api.get("/health").status()).isEqualTo(200);
        assertError(api.get("/api/v1/public/shares/" + UUID.randomUUID() + "/resolve"), 401, "TOKEN_INVALID");
    }

    private static void assertUnavailable(Supplier<Reply> call) {
        long started = System.nanoTime();
        Reply reply = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("%s", reply)
                .isLessThan(Duration.ofSeconds(10));
        assertError(reply, 503, "SERVICE_UNAVAILABLE");
    }
}
