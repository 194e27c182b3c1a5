package io.dashshare.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mail outbox across an SMTP outage (README, mail outbox): its own service, so that stopping
 * its GreenMail disturbs no other test. Retries are quick here (200 ms doubling to 1 s) and code
 * requests keep the production minimum time, to compare a member's answer with a stranger's.
 */
class SmtpOutageTest {

    private static TestService service;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("SHARING_OUTBOX_FIRST_RETRY", "200ms", "SHARING_OUTBOX_MAX_RETRY", "1s",
                "SHARING_OUTBOX_POLL_INTERVAL", "100ms", "sharing.otp.minimum-request-time", "250ms"));
        api = service.api();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_code_requested_while_smtp_is_down_is_answered_like_a_strangers_and_arrives_and_verifies_once_it_is_back() {
        Owner owner = Owner.acme(api);
        String email = "outage-" + System.nanoTime() + "@partner.example";
        String context = owner.createContext("Outage");
        owner.addMember(context, email);
        owner.createShare(owner.salesOverviewId(), "{\"name\": \"Outage\", \"share_type\": \"link\", "
                + "\"share_context_id\": \"" + context + "\"}");
        double retriedBefore = metric("retried");
        service.mail().stop();
        try {
            long started = System.nanoTime();
            Reply member = request(email);
            long memberMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            started = System.nanoTime();
            Reply stranger = request("nobody-" + System.nanoTime() + "@partner.example");
            long strangerMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertThat(member.status()).isEqualTo(202);
            assertThat(member.body()).isEqualTo(stranger.body());
            assertThat(Math.abs(memberMillis - strangerMillis)).as("member %d ms, stranger %d ms", memberMillis,
                    strangerMillis).isLessThan(200);
            waitFor(() -> metric("retried") >= retriedBefore + 2, "two failed attempts while SMTP is down");
        } finally {
            service.mail().start();
        }

        String code = service.latestCodeFor(email);
        Reply verified = api.post("/api/v1/share-auth/verify",
                "{\"company_slug\": \"acme\", \"email\": \"" + email + "\", \"code\": \"" + code + "\"}");

        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        assertThat(service.mailsTo(email)).isEqualTo(1);
        waitFor(() -> metric("sent") >= 1, "the mail counted as sent");
        assertThat(api.get("/prometheus").body()).doesNotContain(code).doesNotContain(code.replace("-", ""));
    }

    private static Reply request(String email) {
        return api.post("/api/v1/share-auth/request", "{\"company_slug\": \"acme\", \"email\": \"" + email + "\"}");
    }

    private static double metric(String outcome) {
        Matcher m = Pattern.compile("^sharing_mail_outbox_total\\{kind=\"one_time_code\",outcome=\"" + outcome
                + "\"} ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(api.get("/prometheus").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
