package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.dashshare.domain.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private static Claims claims(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return new Claims(map);
    }

    private static BigDecimal at(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond());
    }

    @Test
    void strings_must_be_non_empty_strings() {
        assertThat(claims("s", "x").string("s")).isEqualTo("x");
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("s", "").string("s"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("s", BigDecimal.ONE).string("s"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims().string("s"));
    }

    @Test
    void times_are_whole_non_negative_seconds_before_year_3000() {
        assertThat(claims("t", at(NOW)).time("t")).isEqualTo(NOW);
        assertThat(claims("t", new BigDecimal("1772442000.000")).time("t")).isEqualTo(Instant.ofEpochSecond(1772442000));
        assertThat(claims("t", new BigDecimal("1.772442E+9")).time("t")).isEqualTo(Instant.ofEpochSecond(1772442000));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("t", new BigDecimal("1772442000.9")).time("t"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("t", new BigDecimal("3600.5")).time("t"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("t", new BigDecimal("1e-100")).time("t"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("t", "1772442000").time("t"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("t", BigDecimal.valueOf(-1)).time("t"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("t", new BigDecimal("32503680000")).time("t"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("t", new BigDecimal("1e400")).time("t"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("t", null).time("t"));
        assertThat(claims().optionalTime("t")).isEmpty();
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("t", null).optionalTime("t"));
    }

    @Test
    void lists_of_strings_and_objects_are_typed_and_absent_means_empty() {
        assertThat(claims("l", List.of("a")).strings("l")).containsExactly("a");
        assertThat(claims().strings("l")).isEmpty();
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("l", null).strings("l"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("l", "a").strings("l"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("l", List.of(BigDecimal.ONE)).strings("l"));
        assertThat(claims().object("o")).isEmpty();
        assertThat(claims("o", Map.of("a", "b")).object("o")).containsEntry("a", "b");
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("o", List.of()).object("o"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("o", null).object("o"));
    }

    @Test
    void exp_is_required_and_honoured_with_the_leeway() {
        assertThatCode(() -> claims("exp", at(NOW.minus(LEEWAY).plusSeconds(1)), "iat", at(NOW))
                .checkTimes(NOW, LEEWAY)).doesNotThrowAnyException();
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("exp", at(NOW.minus(LEEWAY)), "iat", at(NOW))
                .checkTimes(NOW, LEEWAY));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("iat", at(NOW)).checkTimes(NOW, LEEWAY));
    }

    @Test
    void nbf_is_honoured_with_the_leeway() {
        assertThatCode(() -> claims("exp", at(NOW.plusSeconds(600)), "iat", at(NOW), "nbf", at(NOW.plus(LEEWAY)))
                .checkTimes(NOW, LEEWAY)).doesNotThrowAnyException();
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("exp", at(NOW.plusSeconds(600)), "iat", at(NOW),
                "nbf", at(NOW.plus(LEEWAY).plusSeconds(1))).checkTimes(NOW, LEEWAY));
    }

    @Test
    void iat_is_required_and_not_in_the_future() {
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("exp", at(NOW.plusSeconds(600))).checkTimes(NOW, LEEWAY));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("exp", at(NOW.plusSeconds(600)),
                "iat", at(NOW.plus(LEEWAY).plusSeconds(1))).checkTimes(NOW, LEEWAY));
        assertThatCode(() -> claims("exp", at(NOW.plusSeconds(600)), "iat", at(NOW.plus(LEEWAY)))
                .checkTimes(NOW, LEEWAY)).doesNotThrowAnyException();
    }

    @Test
    void the_audience_is_a_string_or_a_list_holding_it() {
        assertThatCode(() -> claims("aud", "embed").requireAudience("embed")).doesNotThrowAnyException();
        assertThatCode(() -> claims("aud", List.of("x", "embed")).requireAudience("embed")).doesNotThrowAnyException();
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("aud", "Embed").requireAudience("embed"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("aud", List.of("x")).requireAudience("embed"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims().requireAudience("embed"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("aud", Map.of("embed", true)).requireAudience("embed"));
    }

    @Test
    void required_values_must_be_exactly_equal() {
        assertThatCode(() -> claims("iss", "acme").requireEquals("iss", "acme")).doesNotThrowAnyException();
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("iss", "ACME").requireEquals("iss", "acme"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims("iss", List.of("acme")).requireEquals("iss", "acme"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> claims().requireEquals("iss", "acme"));
    }
}
