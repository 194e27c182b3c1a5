package io.dashshare.domain.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** docs/security.md#attack-7: documented normalisation or refusal, never anything else. */
class OneTimeCodeTest {

    @ParameterizedTest(name = "[{0}] is accepted as 12345678")
    @ValueSource(strings = {"12345678", "1234-5678", " 1234-5678 ", "\t12345678\n"})
    void codes_are_accepted_with_or_without_the_dash_and_surrounding_whitespace(String presented) {
        assertThat(OneTimeCode.parse(presented)).hasValueSatisfying(code -> assertThat(code.digits()).isEqualTo("12345678"));
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @NullSource
    @ValueSource(strings = {"", "１２３４-５６７８", "１２３４５６７８", "1234567８", "١٢٣٤٥٦٧٨", "1234-567", "123456789",
            "1234567", "1234 5678", "12345-678", "1234--5678", "1234_5678", "+12345678", "-12345678", "abcd-efgh",
            "1234-5678-", "12 34 56 78", "0x1234567", "1234\u00005678", "{\"select\":1}", "[12345678]"})
    void anything_else_is_refused(String presented) {
        assertThat(OneTimeCode.parse(presented)).isEmpty();
    }

    @Test
    void codes_are_eight_digits_with_leading_zeros_and_display_with_a_dash() {
        assertThat(OneTimeCode.fromUniform(42).digits()).isEqualTo("00000042");
        assertThat(OneTimeCode.fromUniform(0).display()).isEqualTo("0000-0000");
        assertThat(OneTimeCode.fromUniform(OneTimeCode.SPACE - 1).display()).isEqualTo("9999-9999");
    }

    @Test
    void a_displayed_code_parses_back_to_the_same_digits() {
        OneTimeCode code = OneTimeCode.fromUniform(12_345_678);

        assertThat(OneTimeCode.parse(code.display())).hasValueSatisfying(c -> assertThat(c.digits()).isEqualTo(code.digits()));
    }

    @Test
    void uniform_values_outside_the_code_space_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> OneTimeCode.fromUniform(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> OneTimeCode.fromUniform(OneTimeCode.SPACE));
    }

    @Test
    void to_string_never_shows_the_code() {
        assertThat(OneTimeCode.fromUniform(12_345_678).toString()).doesNotContain("1234").doesNotContain("5678");
    }
}
