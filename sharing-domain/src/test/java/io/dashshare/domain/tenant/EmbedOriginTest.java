package io.dashshare.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.dashshare.domain.error.InvalidValueException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Origins feed CSP frame-ancestors and the CORS allow-list: exact origins only (docs/security.md#browser-1, #browser-2). */
class EmbedOriginTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://app.example.com, https://app.example.com",
            "HTTPS://App.Example.COM, https://app.example.com",
            "http://localhost:3000, http://localhost:3000",
            "https://app.example.com:8443, https://app.example.com:8443",
            "https://[::1]:8443, https://[::1]:8443",
            "https://app.example.com/, https://app.example.com",
            "https://app.example.com:443, https://app.example.com",
            "http://app.example.com:80, http://app.example.com",
            "http://app.example.com:443, http://app.example.com:443"})
    void exact_origins_are_accepted_in_normalised_case(String raw, String normalised) {
        assertThat(new EmbedOrigin(raw).value()).isEqualTo(normalised);
    }

    @Test
    void origins_differing_only_in_case_are_equal() {
        assertThat(new EmbedOrigin("https://APP.example.com")).isEqualTo(new EmbedOrigin("https://app.example.com"));
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @NullSource
    @ValueSource(strings = {"", "null", "*", "https://*", "https://*.example.com", "*.example.com",
            "https://app.example.com//", "https://app.example.com/embed", "https://app.example.com:8443/x",
            "https://user:pw@app.example.com", "https://user@app.example.com", "https://app.example.com?x=1",
            "https://app.example.com#top", "ftp://app.example.com", "ws://app.example.com", "file:///etc/passwd",
            "javascript:alert(1)", "data:text/html,x", "app.example.com", "//app.example.com", "https://",
            "https:app.example.com", "https://app example.com", "https://app.example.com\u0000",
            "https://app.example.com https://evil.example"})
    void anything_but_an_exact_origin_is_refused(String raw) {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new EmbedOrigin(raw));
    }

    @Test
    void an_overlong_origin_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new EmbedOrigin("https://" + "a".repeat(250) + ".com"));
    }
}
