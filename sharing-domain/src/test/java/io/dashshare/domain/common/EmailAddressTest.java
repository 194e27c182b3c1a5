package io.dashshare.domain.common;

import static io.dashshare.domain.testing.SharingExceptionAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void parsing_trims_and_lower_cases() {
        assertThat(EmailAddress.parse("  Customer@Company.COM \t")).contains(new EmailAddress("customer@company.com"));
    }

    @Test
    void addresses_differing_only_in_case_are_equal() {
        assertThat(EmailAddress.parse("ALICE@example.com")).isEqualTo(EmailAddress.parse("alice@EXAMPLE.com"));
    }

    @Test
    void the_constructor_takes_only_normalised_addresses() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new EmailAddress("Alice@example.com"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new EmailAddress(" alice@example.com"));
    }

    @Test
    void an_internationalised_domain_is_held_as_its_punycode_in_lower_case() {
        assertThat(EmailAddress.parse("Jane@Bücher.DE").map(EmailAddress::value)).contains("jane@xn--bcher-kva.de");
        assertThat(EmailAddress.parse("jane@xn--bcher-kva.de")).isEqualTo(EmailAddress.parse("jane@BÜCHER.de"));
        assertThat(EmailAddress.parse("jane@bücher.de").orElseThrow().domain()).isEqualTo(new EmailDomain("xn--bcher-kva.de"));
    }

    @Test
    void plus_tags_and_subdomains_are_kept() {
        assertThat(EmailAddress.parse("a.b+tag@mail.eu.example.co.uk").map(EmailAddress::value))
                .contains("a.b+tag@mail.eu.example.co.uk");
    }

    @Test
    void a_local_part_of_64_characters_is_the_limit() {
        assertThat(EmailAddress.parse("a".repeat(64) + "@example.com")).isPresent();
        assertThat(EmailAddress.parse("a".repeat(65) + "@example.com")).isEmpty();
    }

    @Test
    void an_address_of_254_characters_is_the_limit() {
        String domain = ("d".repeat(60) + ".").repeat(4) + "com"; // 247 characters
        assertThat(EmailAddress.parse("abcdef@" + domain)).isPresent();
        assertThat(EmailAddress.parse("abcdefg@" + domain)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @NullSource
    @ValueSource(strings = {"", "   ", "alice", "alice@", "@example.com", "alice@example", "al ice@example.com",
            "alice@@example.com", "alice@exa mple.com", "alice@example..com", "alice@-example.com",
            "alice@example-.com", "alice@example.com.", "alice@exa_mple.com", "al\u0000ice@example.com",
            "ålice@example.com", "alice＠example.com",
            "\"alice\"@example.com", "alice@[127.0.0.1]", "alice@example.com,bob@example.com",
            "alice@example.com\r\nBcc: bob@example.com"})
    void malformed_addresses_are_refused(String raw) {
        assertThat(EmailAddress.parse(raw)).isEmpty();
    }

    @Test
    void a_malformed_request_field_is_refused_with_INVALID_REQUEST_naming_the_field() {
        assertRefused(() -> EmailAddress.parseField("email", "not-an-email"))
                .hasCode(ErrorCode.INVALID_REQUEST).hasDetails("field", "email");
    }

    @Test
    void a_valid_request_field_is_normalised() {
        assertThat(EmailAddress.parseField("email", "Customer@Company.com")).hasToString("customer@company.com");
    }
}
