package io.dashshare.adapter.mail;

import static io.dashshare.adapter.mail.Messages.aCodeMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MailFactoryTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(true);

    @Test
    void without_an_smtp_host_dev_gets_the_console_mailer() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(OneTimeCodeMailer.class)).isInstanceOf(ConsoleOneTimeCodeMailer.class);
        }
    }

    @Test
    void production_without_an_smtp_host_refuses_to_start() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("sharing.env", "production")).close())
                .hasStackTraceContaining("sharing.env=production needs an SMTP server")
                .hasStackTraceContaining("SHARING_SMTP_HOST");
    }

    @Test
    void production_refusal_ignores_case_and_spaces() {
        assertThatThrownBy(() -> MailFactory.create(" Production ", MailFactory.smtpSettings("", "", "", "", "", ""),
                System.out)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void with_an_smtp_host_the_configured_server_gets_the_mail() throws Exception {
        Map<String, Object> config = Map.of(
                "sharing.env", "production",
                "sharing.smtp.host", greenMail.getSmtp().getBindTo(),
                "sharing.smtp.port", String.valueOf(greenMail.getSmtp().getPort()),
                "sharing.smtp.starttls", "false",
                "sharing.mail.from", "codes@dashshare.test");
        try (ApplicationContext context = ApplicationContext.run(config)) {
            OneTimeCodeMailer mailer = context.getBean(OneTimeCodeMailer.class);
            assertThat(mailer).isInstanceOf(SmtpOneTimeCodeMailer.class);

            mailer.send(aCodeMail());
        }
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()[0].getFrom()[0].toString()).isEqualTo("codes@dashshare.test");
    }

    @Test
    void defaults_are_starttls_on_the_submission_port_and_no_reply_at_localhost() {
        MailSettings settings = MailFactory.smtpSettings("smtp.example.com", null, null, null, null, null).orElseThrow();

        assertThat(settings.startTls()).isTrue();
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.from()).isEqualTo("no-reply@localhost");
        assertThat(settings.authenticates()).isFalse();
        assertThat(MailFactory.smtpSettings("smtp.example.com", "", "", "", "false", "").orElseThrow().port())
                .isEqualTo(25);
    }

    @Test
    void a_blank_host_means_no_smtp() {
        assertThat(MailFactory.smtpSettings("  ", "587", "u", "p", "true", "a@b.example")).isEmpty();
    }

    @Test
    void a_misspelt_starttls_flag_fails_instead_of_turning_tls_off() {
        assertThatThrownBy(() -> MailFactory.smtpSettings("smtp.example.com", "587", "", "", "ture", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sharing.smtp.starttls");
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("sharing.smtp.host", "smtp.example.com",
                "sharing.smtp.starttls", "yes-please")).close())
                .hasStackTraceContaining("sharing.smtp.starttls must be true or false");
    }

    @Test
    void credentials_come_from_the_properties() {
        MailSettings settings = MailFactory.smtpSettings("smtp.example.com", "2525", "mailer", "pw", "true", "x@y.example")
                .orElseThrow();

        assertThat(settings.username()).isEqualTo("mailer");
        assertThat(settings.password()).isEqualTo("pw");
        assertThat(settings.port()).isEqualTo(2525);
    }
}
