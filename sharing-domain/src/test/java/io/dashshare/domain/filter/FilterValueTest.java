package io.dashshare.domain.filter;

import static io.dashshare.domain.testing.Values.list;
import static io.dashshare.domain.testing.Values.number;
import static io.dashshare.domain.testing.Values.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.dashshare.domain.testing.Raw;
import io.dashshare.domain.testing.Values;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterValueTest {

    @Test
    void numbers_compare_by_magnitude() {
        assertThat(number("10.00")).isEqualTo(number("10")).isEqualTo(number("1E+1"));
        assertThat(number("0.000")).isEqualTo(number("0")).isEqualTo(number("-0"));
        assertThat(number("10")).isNotEqualTo(number("10.01"));
        assertThat(number("1E+1").elements()).containsExactly("10");
    }

    @Test
    void multi_select_values_are_distinct_in_order_and_never_empty() {
        assertThat(list("b", "a", "b").elements()).containsExactly("b", "a");
        assertThatIllegalArgumentException().isThrownBy(() -> new FilterValue.TextList(List.of()));
        assertThat(((FilterValue.TextList) list("a", "b")).sameSetAs((FilterValue.TextList) list("b", "a"))).isTrue();
        assertThat(((FilterValue.TextList) list("a", "b")).sameSetAs((FilterValue.TextList) list("a"))).isFalse();
    }

    @Test
    void typed_values_go_back_to_the_raw_values_they_came_from() {
        for (FilterKind kind : FilterKind.values()) {
            RawValue raw = switch (kind) {
                case DATE -> Raw.str("2025-01-31");
                case NUMBER -> Raw.num("12.5");
                case TEXT, SELECT -> Raw.str("north");
                case MULTI_SELECT -> Raw.arr("a", "b");
            };
            FilterValue typed = kind.parse(raw);
            assertThat(kind.accepts(typed)).isTrue();
            assertThat(kind.parse(typed.toRaw())).isEqualTo(typed);
        }
    }

    @Test
    void canonical_keys_are_unambiguous_for_values_that_print_alike() {
        List<FilterDefinition> filters = List.of(
                io.dashshare.domain.testing.FilterBuilder.aMultiSelect("a").withDynamicOptions("select 1").build(),
                io.dashshare.domain.testing.FilterBuilder.aTextFilter("b").build());
        FilterSlug a = new FilterSlug("a");
        FilterSlug b = new FilterSlug("b");

        String split = new EffectiveParameters(filters, Map.of(a, list("x", "y"))).canonicalKey();
        String joined = new EffectiveParameters(filters, Map.of(a, list("1:x1:y"))).canonicalKey();
        String shifted = new EffectiveParameters(filters, Map.of(a, list("x"), b, text("y"))).canonicalKey();
        String unset = new EffectiveParameters(filters, Map.of()).canonicalKey();
        String dash = new EffectiveParameters(filters, Map.of(b, text("-"))).canonicalKey();

        assertThat(List.of(split, joined, shifted, unset, dash)).doesNotHaveDuplicates();
        assertThat(unset).isEqualTo("a=-;b=-;");
    }

    @Test
    void a_date_value_needs_a_date() {
        assertThat(Values.date("2024-02-29").elements()).containsExactly("2024-02-29");
    }
}
