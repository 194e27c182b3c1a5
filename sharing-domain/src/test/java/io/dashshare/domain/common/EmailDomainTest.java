package io.dashshare.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDomainTest {

    @Test
    void parsing_trims_lower_cases_and_turns_unicode_into_punycode() {
        assertThat(EmailDomain.parse("  Customer.COM ")).contains(new EmailDomain("customer.com"));
        assertThat(EmailDomain.parse("Bücher.de")).contains(new EmailDomain("xn--bcher-kva.de"));
        assertThat(EmailDomain.parse("BÜCHER.DE")).isEqualTo(EmailDomain.parse("xn--bcher-kva.de"));
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @NullSource
    @ValueSource(strings = {"", "customer", "@customer.com", "jane@customer.com", "customer..com", "-customer.com",
            "customer.com.", "cust omer.com", "customer_1.com", "*.customer.com", "[127.0.0.1]"})
    void what_is_no_domain_name_is_refused(String raw) {
        assertThat(EmailDomain.parse(raw)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is a public email domain")
    @ValueSource(strings = {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com",
            "yahoo.com", "yahoo.co.jp", "icloud.com", "me.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
            "gmx.at", "gmx.co.uk", "web.de", "mail.ru", "yandex.ru", "yandex.com.tr", "aol.com", "GMAIL.COM"})
    void free_mail_domains_are_public(String name) {
        assertThat(EmailDomain.parse(name).orElseThrow().isPublicEmailDomain()).isTrue();
    }

    @ParameterizedTest(name = "{0} is not a public email domain")
    @ValueSource(strings = {"customer.com", "mail.customer.com", "gmail.customer.com", "gmx.customer.com",
            "notgmail.com", "gmail.com.evil.example", "yandexcloud.net", "acme.de"})
    void company_domains_are_not_public(String name) {
        assertThat(EmailDomain.parse(name).orElseThrow().isPublicEmailDomain()).isFalse();
    }
}
