package io.dashshare.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailBodyTest {

    @Test
    void any_text_survives_encoding_and_decoding() {
        MailBody body = MailBody.of(Map.of("company_name", "Müller & Söhne = \"beste\"\n<b>", "code", "12345678",
                "empty", "", "a+b", "100% sure?"));

        assertThat(MailBody.decode(body.encode())).isEqualTo(body);
        assertThat(MailBody.decode(body.encode()).require("company_name")).isEqualTo("Müller & Söhne = \"beste\"\n<b>");
    }

    @Test
    void a_body_never_prints_its_fields() {
        assertThat(MailBody.of(Map.of("code", "12345678")).toString()).doesNotContain("12345678");
    }

    @Test
    void a_missing_field_is_an_illegal_state_and_a_malformed_body_is_refused() {
        assertThatThrownBy(() -> MailBody.of(Map.of()).require("code")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MailBody.decode("no-equals-sign".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }
}
