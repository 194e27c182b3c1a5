package io.dashshare.adapter.mail;

import static io.dashshare.adapter.mail.Messages.CODE_DIGITS;
import static io.dashshare.adapter.mail.Messages.CODE_SHOWN;
import static io.dashshare.adapter.mail.Messages.aCodeMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.port.OneTimeCodeMailer;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CodeMailTest {

    @ParameterizedTest
    @CsvSource({"600, 10 minutes", "60, 1 minute", "3600, 1 hour", "7200, 2 hours", "90, 90 seconds", "1, 1 second"})
    void validity_is_said_in_the_largest_whole_unit(long seconds, String said) {
        assertThat(CodeMail.describe(Duration.ofSeconds(seconds))).isEqualTo(said);
    }

    @Test
    void escapes_every_html_special_character() {
        assertThat(CodeMail.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void escapes_the_portal_link_in_the_html_part() {
        OneTimeCodeMailer.Message base = aCodeMail();
        OneTimeCodeMailer.Message message = new OneTimeCodeMailer.Message(base.to(), base.companyName(),
                base.companySlug(), base.code(), base.validFor(), "https://share.example.com/p?a=1&b='x'");

        String html = CodeMail.of(message).html();

        assertThat(html).contains("href=\"https://share.example.com/p?a=1&amp;b=&#39;x&#39;\"")
                .doesNotContain("b='x'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,hi", "/relative/portal", "not a url"})
    void refuses_a_portal_link_that_is_not_absolute_http(String url) {
        OneTimeCodeMailer.Message base = aCodeMail();
        OneTimeCodeMailer.Message message = new OneTimeCodeMailer.Message(base.to(), base.companyName(),
                base.companySlug(), base.code(), base.validFor(), url);

        assertThatThrownBy(() -> CodeMail.of(message)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_subject_names_the_company_and_the_body_has_a_one_click_sign_in_link() {
        CodeMail mail = CodeMail.of(aCodeMail());

        assertThat(mail.subject()).isEqualTo("Your sign-in code for Acme Corp");
        String link = Messages.PORTAL + "#email=viewer@example.com&code=" + CODE_SHOWN;
        assertThat(mail.text()).contains(link, "valid for 10 minutes");
        assertThat(mail.html()).contains("href=\"" + link.replace("&", "&amp;") + "\"");
    }

    @Test
    void the_links_email_is_encoded_so_that_a_plus_survives_the_pages_parsing() {
        OneTimeCodeMailer.Message base = aCodeMail();
        OneTimeCodeMailer.Message message = new OneTimeCodeMailer.Message(
                new io.dashshare.domain.common.EmailAddress("jane+dash&x=1@example.com"), base.companyName(),
                base.companySlug(), base.code(), base.validFor(), base.portalUrl());

        assertThat(CodeMail.signInLink(message))
                .isEqualTo(Messages.PORTAL + "#email=jane%2Bdash%26x%3D1@example.com&code=" + CODE_SHOWN);
    }

    @Test
    void a_portal_link_with_a_fragment_of_its_own_is_refused() {
        OneTimeCodeMailer.Message base = aCodeMail();
        OneTimeCodeMailer.Message message = new OneTimeCodeMailer.Message(base.to(), base.companyName(),
                base.companySlug(), base.code(), base.validFor(), Messages.PORTAL + "#x");

        assertThatThrownBy(() -> CodeMail.of(message)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void to_string_keeps_the_code_out() {
        CodeMail mail = CodeMail.of(aCodeMail());

        assertThat(mail.text()).contains(CODE_SHOWN);
        assertThat(mail.toString()).doesNotContain(CODE_SHOWN).doesNotContain(CODE_DIGITS);
    }

    @Test
    void mail_settings_to_string_hides_the_password() {
        MailSettings settings = new MailSettings("smtp.example.com", 587, "user", "hunter2-password", true,
                "no-reply@localhost");

        assertThat(settings.toString()).doesNotContain("hunter2-password").contains("smtp.example.com");
    }

    @Test
    void mail_settings_refuse_half_credentials_and_bad_addresses() {
        assertThatThrownBy(() -> new MailSettings("smtp.example.com", 587, "user", null, true, "a@b.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailSettings("smtp.example.com", 0, null, null, true, "a@b.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailSettings("smtp.example.com", 587, null, null, true, "not an address"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
