package io.dashshare.adapter.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.error.SharingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static Object parse(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbers_are_exact_decimals() {
        assertThat(parse("{\"n\": 0.1, \"big\": 123456789012345678901234567890}")).isEqualTo(Map.of(
                "n", new BigDecimal("0.1"), "big", new BigDecimal("123456789012345678901234567890")));
    }

    @Test
    void duplicate_keys_trailing_content_and_non_standard_tokens_are_refused() {
        for (String bad : List.of("{\"a\":1,\"a\":2}", "{} {}", "{'a':1}", "{\"a\":NaN}", "[1,]", "{\"a\":1",
                "// comment\n{}", "[" .repeat(100) + "]".repeat(100))) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(SharingException.class);
        }
    }

    @Test
    void writing_keeps_nulls_order_and_exact_numbers() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("b", null);
        tree.put("a", new BigDecimal("12.50"));
        tree.put("at", Instant.parse("2026-01-01T00:00:00Z"));
        tree.put("list", Arrays.asList(1L, "x", true, null));
        assertThat(new String(Json.write(tree), StandardCharsets.UTF_8))
                .isEqualTo("{\"b\":null,\"a\":12.50,\"at\":\"2026-01-01T00:00:00Z\",\"list\":[1,\"x\",true,null]}");
    }
}
