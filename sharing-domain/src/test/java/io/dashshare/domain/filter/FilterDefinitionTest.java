package io.dashshare.domain.filter;

import static io.dashshare.domain.testing.FilterBuilder.aDateFilter;
import static io.dashshare.domain.testing.FilterBuilder.aMultiSelect;
import static io.dashshare.domain.testing.FilterBuilder.aSelect;
import static io.dashshare.domain.testing.FilterBuilder.aTextFilter;
import static io.dashshare.domain.testing.Values.list;
import static io.dashshare.domain.testing.Values.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.sql.SqlTemplate;
import io.dashshare.domain.testing.Values;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterDefinitionTest {

    private static FilterDefinition define(String slug, FilterKind kind, FilterValue defaultValue, FilterOptions options) {
        return new FilterDefinition(new FilterSlug(slug), null, kind, false, Optional.ofNullable(defaultValue),
                Optional.ofNullable(options));
    }

    private static FilterOptions.Static options(String... values) {
        return new FilterOptions.Static(List.of(values).stream().map(v -> new FilterOption(null, v)).toList());
    }

    @Test
    void a_select_without_options_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> aSelect("region").build())
                .withMessage("options: is required for select filters (static or dynamic)");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> aMultiSelect("status").build())
                .withMessage("options: is required for multi_select filters (static or dynamic)");
    }

    @Test
    void options_on_a_date_filter_are_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> aDateFilter("day").withStaticOptions("2025-01-01").build())
                .withMessage("options: is only for select and multi_select filters");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> aTextFilter("q").withDynamicOptions("select 1").build());
    }

    @Test
    void a_default_that_is_no_static_option_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> aSelect("region").withStaticOptions("north", "south").withDefault("east").build())
                .withMessage("default: must be one of the static options");
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> aMultiSelect("tags").withStaticOptions("a", "b").withDefault("a", "z").build());
    }

    @Test
    void a_default_that_is_a_static_option_is_kept() {
        assertThat(aSelect("region").withStaticOptions("north", "south").withDefault("south").build().defaultValue())
                .contains(text("south"));
        assertThat(aMultiSelect("tags").withStaticOptions("a", "b").withDefault("b", "a").build().defaultValue())
                .contains(list("b", "a"));
    }

    @Test
    void a_dynamic_select_takes_any_text_default() {
        FilterDefinition segment = define("segment", FilterKind.SELECT, text("smb"),
                new FilterOptions.Dynamic(SqlTemplate.parse("select 1 as value")));

        assertThat(segment.defaultValue()).contains(text("smb"));
        assertThat(segment.isOffered(text("anything"))).isTrue();
    }

    @Test
    void a_default_of_another_kind_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> define("day", FilterKind.DATE, text("2025-01-01"), null))
                .withMessage("default: does not fit kind date");
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> define("tags", FilterKind.MULTI_SELECT, text("a"), options("a")));
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> define("amount", FilterKind.NUMBER, Values.date("2025-01-01"), null));
    }

    @Test
    void a_blank_label_falls_back_to_the_slug() {
        assertThat(aTextFilter("customer").labelled(" ").build().label()).isEqualTo("customer");
        assertThat(aTextFilter("customer").labelled("Customer").build().label()).isEqualTo("Customer");
    }

    @Test
    void a_label_with_control_characters_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> aTextFilter("customer").labelled("a\u0000b").build());
    }

    @Test
    void labels_come_from_static_options() {
        FilterDefinition region = aSelect("region").withStaticOptions("north").build();

        assertThat(region.labelOf("north")).isEqualTo("North");
        assertThat(region.labelOf("atlantis")).isEqualTo("atlantis");
    }

    @ParameterizedTest(name = "[{0}] is no filter slug")
    @ValueSource(strings = {"search", "Region", "period-start", "1st", "_x", "", "a b", "a;b", "région"})
    void filter_slugs_are_sql_identifiers_and_search_is_reserved(String slug) {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new FilterSlug(slug));
    }

    @Test
    void a_filter_slug_has_at_most_63_characters() {
        assertThat(new FilterSlug("a".repeat(63)).value()).hasSize(63);
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new FilterSlug("a".repeat(64)));
    }

    @Test
    void static_options_are_non_empty_and_distinct() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new FilterOptions.Static(List.of()));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> options("a", "a"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new FilterOption("Label", " "));
        assertThat(new FilterOption(null, "north").label()).isEqualTo("north");
    }
}
