package io.dashshare.adapter.mail;

import static io.dashshare.adapter.mail.Messages.CODE_SHOWN;
import static io.dashshare.adapter.mail.Messages.aCodeMail;
import static io.dashshare.adapter.mail.Messages.aCodeMailFrom;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleOneTimeCodeMailerTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleOneTimeCodeMailer mailer =
            new ConsoleOneTimeCodeMailer(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void prints_recipient_company_and_code_marked_dev_only() {
        mailer.send(aCodeMail());

        assertThat(printed()).contains("DEV ONLY", "viewer@example.com", "Acme Corp (acme)", CODE_SHOWN,
                "valid for 10 minutes", Messages.PORTAL);
    }

    @Test
    void strips_control_characters_so_a_company_name_cannot_drive_the_terminal() {
        mailer.send(aCodeMailFrom("Acme\u001b[2J\r\nFake line"));

        assertThat(printed()).doesNotContain("\u001b").contains("Acme [2J  Fake line");
    }

    @Test
    void writes_nothing_through_a_logger() {
        try (CapturedOutput output = CapturedOutput.start()) {
            mailer.send(aCodeMail());

            assertThat(output.text()).doesNotContain(CODE_SHOWN).doesNotContain(Messages.CODE_DIGITS);
        }
        assertThat(printed()).contains(CODE_SHOWN);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
