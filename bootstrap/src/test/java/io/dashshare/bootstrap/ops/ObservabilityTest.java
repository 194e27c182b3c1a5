package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.TestService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 7, observability: Prometheus metrics, readiness and liveness, request logs. */
class ObservabilityTest {

    private final TestService service = TestService.shared();
    private final ApiClient api = service.api();

    private String metrics() {
        Reply reply = api.get("/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return reply.body();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void requests_are_counted_by_route_template_and_status_and_no_token_reaches_the_metrics() {
        OpsApi ops = new OpsApi(api);
        String token = ops.publicShare("metrics")[1];
        assertThat(ops.execute(token, "{\"region\":\"north\"}").status()).isEqualTo(200);
        assertThat(ops.execute(token, "{\"region\":\"north\"}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/public/shares/" + token + "/resolve").status()).isEqualTo(200);
        assertThat(api.get("/no/such/" + token).status()).isEqualTo(404);

        String metrics = metrics();

        assertThat(metrics).contains("uri=\"/api/v1/public/shares/{token}/execute\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\",status=\"200\","
                        + "uri=\"/api/v1/public/shares/\\{token}/execute\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\",uri=\"NOT_FOUND\"")
                .doesNotContain(token);
        assertThat(value(metrics, "sharing_query_duration_seconds_count{data_source=\"demo\",outcome=\"ok\"}"))
                .isGreaterThanOrEqualTo(4);
        double hits = value(metrics, "sharing_cache_requests_total{result=\"hit\"}");
        double misses = value(metrics, "sharing_cache_requests_total{result=\"miss\"}");
        assertThat(hits).as("the second execution came from the cache").isGreaterThanOrEqualTo(4);
        assertThat(misses).isGreaterThanOrEqualTo(4);
    }

    @Test
    void codes_sent_and_rate_limit_rejections_are_counted() throws Exception {
        OpsApi ops = new OpsApi(api);
        String email = "metrics-viewer@partner.test";
        ops.contextWithMember("Metrics partners", email);
        double sentBefore = value(metrics(), "sharing_mail_outbox_total{kind=\"one_time_code\",outcome=\"sent\"}");

        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            Reply reply = api.post("/api/v1/share-auth/request", "{\"company_slug\":\"acme\",\"email\":\"" + email + "\"}");
            throttled += reply.status() == 429 ? 1 : 0;
        }
        service.latestCodeFor(email);
        // The sender counts a mail once its outbox row is gone, a moment after SMTP took it.
        String sent = "sharing_mail_outbox_total{kind=\"one_time_code\",outcome=\"sent\"}";
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (value(metrics(), sent) <= sentBefore && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String metrics = metrics();

        assertThat(throttled).isPositive();
        assertThat(value(metrics, "sharing_mail_outbox_total{kind=\"one_time_code\",outcome=\"sent\"}")).isGreaterThan(sentBefore);
        assertThat(value(metrics, "sharing_rate_limit_rejections_total{limit=\"otp-request:email\"}"))
                .isGreaterThanOrEqualTo(throttled);
        assertThat(metrics).doesNotContain(email);
    }

    @Test
    void readiness_and_liveness_answer_their_status_and_nothing_else() {
        Reply ready = api.get("/health/readiness");
        Reply live = api.get("/health/liveness");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void each_request_logs_one_line_with_its_request_id_and_never_its_token() {
        OpsApi ops = new OpsApi(api);
        String token = ops.publicShare("logged")[1];
        Logger access = (Logger) LoggerFactory.getLogger("io.dashshare.access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        try {
            Reply reply = ops.execute(token, "{}");
            String requestId = reply.header("X-Request-Id").orElseThrow();

            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .filteredOn(line -> line.contains(requestId))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains("path=/api/v1/public/shares/{token}/execute", "status=200")
                            .doesNotContain(token));
            assertThat(lines.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(token));
        } finally {
            access.detachAppender(lines);
        }
    }
}
