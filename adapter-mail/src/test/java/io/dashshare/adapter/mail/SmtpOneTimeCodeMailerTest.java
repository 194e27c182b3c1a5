package io.dashshare.adapter.mail;

import static io.dashshare.adapter.mail.Messages.CODE_DIGITS;
import static io.dashshare.adapter.mail.Messages.CODE_SHOWN;
import static io.dashshare.adapter.mail.Messages.PORTAL;
import static io.dashshare.adapter.mail.Messages.aCodeMail;
import static io.dashshare.adapter.mail.Messages.aCodeMailFrom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dashshare.domain.port.OneTimeCodeMailer.DeliveryFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpOneTimeCodeMailerTest {

    private static final String USER = "mailer";
    private static final String PASSWORD = "s3cret-smtp-pass";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@dashshare.test", USER, PASSWORD))
            .withPerMethodLifecycle(true);

    @Test
    void delivers_a_multipart_mail_with_the_code_the_company_and_the_portal_link() throws Exception {
        new SmtpOneTimeCodeMailer(plainSettings()).send(aCodeMail());

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Your sign-in code for Acme Corp");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("codes@dashshare.test");
        assertThat(((InternetAddress) received.getAllRecipients()[0]).getAddress()).isEqualTo("viewer@example.com");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        MimeMultipart alternative = (MimeMultipart) received.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        String text = part(alternative, "text/plain");
        String html = part(alternative, "text/html");
        for (String body : new String[] {text, html}) {
            assertThat(body).contains(CODE_SHOWN, "Acme Corp", "valid for 10 minutes", PORTAL,
                    "If you did not request this code, ignore this email");
        }
        assertThat(html).contains("<a href=\"" + PORTAL + "\">")
                .contains("<a href=\"" + PORTAL + "#email=viewer@example.com&amp;code=" + CODE_SHOWN + "\">");
        assertThat(text).contains(PORTAL + "#email=viewer@example.com&code=" + CODE_SHOWN);
    }

    @Test
    void escapes_a_hostile_company_name_in_the_html_part_and_keeps_it_out_of_the_headers() throws Exception {
        String hostile = "Evil & Co <script>alert('x')</script> \"q\"\r\nBcc: victim@example.org";

        new SmtpOneTimeCodeMailer(plainSettings()).send(aCodeMailFrom(hostile));

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        String html = part((MimeMultipart) received.getContent(), "text/html");
        assertThat(html)
                .contains("Evil &amp; Co &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot;")
                .doesNotContain("<script>")
                .doesNotContain("alert('x')");
        assertThat(received.getSubject()).doesNotContain("\r").doesNotContain("\n");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void authenticates_with_the_configured_username_and_password() throws Exception {
        MailSettings settings = new MailSettings(host(), port(), USER, PASSWORD, false, "codes@dashshare.test");

        new SmtpOneTimeCodeMailer(settings).send(aCodeMail());

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void wrong_password_is_a_delivery_failure_that_names_neither_code_nor_password() throws Exception {
        MailSettings settings = new MailSettings(host(), port(), USER, "wrong-password", false, "codes@dashshare.test");

        try (CapturedOutput output = CapturedOutput.start()) {
            DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
                    () -> new SmtpOneTimeCodeMailer(settings).send(aCodeMail()));

            assertThat(failure).hasMessageContaining("AuthenticationFailedException");
            assertThat(stackTraceOf(failure)).doesNotContain(CODE_DIGITS, CODE_SHOWN, "wrong-password");
            assertThat(output.text()).doesNotContain(CODE_DIGITS, CODE_SHOWN, "wrong-password");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void required_starttls_against_a_server_without_it_fails_instead_of_sending_in_clear() {
        MailSettings settings = new MailSettings(host(), port(), USER, PASSWORD, true, "codes@dashshare.test");

        assertThatThrownBy(() -> new SmtpOneTimeCodeMailer(settings).send(aCodeMail()))
                .isInstanceOf(DeliveryFailedException.class);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttls_setting_reaches_the_mail_session_as_enabled_and_required() {
        MailSettings tls = new MailSettings("smtp.example.com", 587, USER, PASSWORD, true, "codes@dashshare.test");
        Properties on = new SmtpOneTimeCodeMailer(tls).session().getProperties();
        assertThat(on.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(on.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(on.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(on.getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(on.getProperty("mail.smtp.user")).isEqualTo(USER);
        assertThat(on.getProperty("mail.smtp.host")).isEqualTo("smtp.example.com");
        assertThat(on.getProperty("mail.smtp.port")).isEqualTo("587");
        assertThat(on.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
        assertThat(on.getProperty("mail.smtp.timeout")).isEqualTo("10000");
        assertThat(on.getProperty("mail.smtp.writetimeout")).isEqualTo("10000");
        assertThat(on.getProperty("mail.debug")).isEqualTo("false");
        assertThat(on.values()).doesNotContain(PASSWORD);

        Properties off = new SmtpOneTimeCodeMailer(plainSettings()).session().getProperties();
        assertThat(off.getProperty("mail.smtp.starttls.enable")).isEqualTo("false");
        assertThat(off.getProperty("mail.smtp.starttls.required")).isEqualTo("false");
        assertThat(off.getProperty("mail.smtp.auth")).isEqualTo("false");
    }

    @Test
    void smtp_server_down_fails_quickly_without_the_code_in_message_or_logs() throws IOException {
        int closedPort = freePort();
        MailSettings settings = new MailSettings("127.0.0.1", closedPort, null, null, false, "codes@dashshare.test");

        try (CapturedOutput output = CapturedOutput.start()) {
            long started = System.nanoTime();
            DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
                    () -> new SmtpOneTimeCodeMailer(settings).send(aCodeMail()));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(failure).hasMessageContaining("127.0.0.1:" + closedPort).hasMessageContaining("MailConnectException");
            assertThat(stackTraceOf(failure)).doesNotContain(CODE_DIGITS, CODE_SHOWN);
            assertThat(output.logLineCount()).isPositive();
            assertThat(output.text()).doesNotContain(CODE_DIGITS, CODE_SHOWN);
        }
    }

    @Test
    void a_server_that_accepts_but_never_answers_times_out() throws IOException {
        // The kernel completes the TCP handshake from the backlog; nobody ever sends the greeting.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            MailSettings settings = new MailSettings("127.0.0.1", silent.getLocalPort(), null, null, false,
                    "codes@dashshare.test");
            SmtpOneTimeCodeMailer mailer = new SmtpOneTimeCodeMailer(settings, Duration.ofMillis(500));

            long started = System.nanoTime();
            assertThatThrownBy(() -> mailer.send(aCodeMail()))
                    .isInstanceOf(DeliveryFailedException.class)
                    .hasMessageNotContaining(CODE_SHOWN)
                    .hasMessageNotContaining(CODE_DIGITS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_successful_send_with_verbose_logging_logs_no_code() throws Exception {
        try (CapturedOutput output = CapturedOutput.start()) {
            new SmtpOneTimeCodeMailer(new MailSettings(host(), port(), USER, PASSWORD, false, "codes@dashshare.test"))
                    .send(aCodeMail());

            assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
            assertThat(output.logLineCount()).as("Angus Mail logs through java.util.logging at this level").isPositive();
            assertThat(output.text()).doesNotContain(CODE_DIGITS, CODE_SHOWN, PASSWORD);
        }
    }

    private static MailSettings plainSettings() {
        return new MailSettings(host(), port(), null, null, false, "codes@dashshare.test");
    }

    private static String host() {
        return greenMail.getSmtp().getBindTo();
    }

    private static int port() {
        return greenMail.getSmtp().getPort();
    }

    private static String part(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
