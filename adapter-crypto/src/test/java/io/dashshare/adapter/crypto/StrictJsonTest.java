package io.dashshare.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @Test
    void reads_every_json_type() {
        Object parsed = StrictJson.parse(" {\"s\":\"a\\\"b\\u00e9\\ud83d\\ude00\",\"n\":-1.5e3,\"t\":true,\"f\":false,"
                + "\"z\":null,\"l\":[1,[]],\"o\":{}} ");

        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertThat(map.get("s")).isEqualTo("a\"bé\uD83D\uDE00");
        assertThat(map.get("n")).isEqualTo(new BigDecimal("-1.5e3"));
        assertThat(map.get("t")).isEqualTo(true);
        assertThat(map.get("f")).isEqualTo(false);
        assertThat(map.containsKey("z")).isTrue();
        assertThat(map.get("z")).isNull();
        assertThat(map.get("l")).isEqualTo(List.of(BigDecimal.ONE, List.of()));
        assertThat(map.get("o")).isEqualTo(Map.of());
        assertThat(List.copyOf(map.keySet())).isEqualTo(List.of("s", "n", "t", "f", "z", "l", "o"));
    }

    @Test
    void what_it_writes_it_reads_back_the_same() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t nul \u0000 line-sep \u2028 emoji \uD83D\uDE00");
        value.put("long", 1_772_442_000L);
        value.put("int", 7);
        value.put("decimal", new BigDecimal("12.50"));
        value.put("list", List.of("a", 1, true));
        value.put("null", null);

        String written = StrictJson.write(value);

        assertThat(written).doesNotContain("\n");
        Map<?, ?> back = (Map<?, ?>) StrictJson.parse(written);
        assertThat(back.get("text")).isEqualTo(value.get("text"));
        assertThat(back.get("long")).isEqualTo(new BigDecimal("1772442000"));
        assertThat(back.get("decimal")).isEqualTo(new BigDecimal("12.50"));
        assertThat(back.get("list")).isEqualTo(List.of("a", BigDecimal.ONE, true));
        assertThat(back.containsKey("null")).isTrue();
    }

    @Test
    void refuses_what_is_not_json_able() {
        assertThatThrownBy(() -> StrictJson.write(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1,\"b\":1}}",
            "{\"a\":1}x",
            "{\"a\":1}{}",
            "[1] [2]",
            "{\"a\":1,}",
            "[1,]",
            "{a:1}",
            "{'a':1}",
            "{\"a\" 1}",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"raw \ud800 lone surrogate\"",
            "{\"\\udc00\":1}",
            "\"\\u12\"",
            "\"\\u+041\"",
            "\"\\u-001\"",
            "\"\\x41\"",
            "\"tab\there\"",
            "\"unterminated",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "NaN",
            "Infinity",
            "1e99999999999",
            "-1E-2147483649",
            "1e-999",
            "1234567890123456789012345678901234567890123",
            "tru",
            "nul",
            "",
            "   ",
            "\u00a0{}",
            "{\"a\":1}\u0000",
    })
    void refuses_anything_lax(String text) {
        assertThatThrownBy(() -> StrictJson.parse(text)).isInstanceOf(StrictJson.MalformedJsonException.class);
    }

    @Test
    void refuses_nesting_deeper_than_sixteen() {
        String ok = "[".repeat(17) + "]".repeat(17);
        String tooDeep = "[".repeat(18) + "]".repeat(18);
        String hugeDeep = "[".repeat(100_000);

        assertThat(StrictJson.parse(ok)).isInstanceOf(List.class);
        assertThatThrownBy(() -> StrictJson.parse(tooDeep)).isInstanceOf(StrictJson.MalformedJsonException.class);
        assertThatThrownBy(() -> StrictJson.parse(hugeDeep)).isInstanceOf(StrictJson.MalformedJsonException.class);
    }

    @Test
    void refuses_bytes_that_are_not_strict_utf8() {
        byte[] latin1 = "\"\u00ff\"".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] overlongSlash = {'"', (byte) 0xC0, (byte) 0xAF, '"'};
        byte[] encodedSurrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};

        assertThat(StrictJson.parse("\"\u00e9\"".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("\u00e9");
        for (byte[] bytes : List.of(latin1, overlongSlash, encodedSurrogate)) {
            assertThatThrownBy(() -> StrictJson.parse(bytes)).isInstanceOf(StrictJson.MalformedJsonException.class);
        }
    }

    @Test
    void refuses_input_over_sixteen_kilobytes() {
        String big = "\"" + "a".repeat(16_384) + "\"";

        assertThatThrownBy(() -> StrictJson.parse(big)).isInstanceOf(StrictJson.MalformedJsonException.class);
        assertThat(StrictJson.parse("\"" + "a".repeat(16_382) + "\"")).isEqualTo("a".repeat(16_382));
    }

    @Test
    void keeps_objects_and_arrays_it_returns_unmodifiable() {
        Map<?, ?> map = (Map<?, ?>) StrictJson.parse("{\"l\":[1]}");

        assertThatThrownBy(() -> map.clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) map.get("l")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nul_bytes_are_refused_not_read_as_utf16() {
        byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> StrictJson.parse(utf16)).isInstanceOf(StrictJson.MalformedJsonException.class);
        assertThat(StrictJson.parse("{\"a\":1}".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Map.of("a", new BigDecimal("1")));
    }
}
