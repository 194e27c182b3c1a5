package io.dashshare.domain.filter;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.testing.Policies;
import static io.dashshare.domain.filter.Fixture.MIN_AMOUNT;
import static io.dashshare.domain.filter.Fixture.PERIOD_START;
import static io.dashshare.domain.filter.Fixture.REGION;
import static io.dashshare.domain.filter.Fixture.SEGMENT;
import static io.dashshare.domain.filter.Fixture.STATUS;
import static io.dashshare.domain.filter.Fixture.TAGS;
import static io.dashshare.domain.testing.Raw.EMPTY_ARRAY;
import static io.dashshare.domain.testing.Raw.EMPTY_STRING;
import static io.dashshare.domain.testing.Raw.NULL;
import static io.dashshare.domain.testing.Raw.OBJECT;
import static io.dashshare.domain.testing.Raw.arr;
import static io.dashshare.domain.testing.Raw.num;
import static io.dashshare.domain.testing.Raw.str;
import static io.dashshare.domain.testing.Values.list;
import static io.dashshare.domain.testing.Values.number;
import static io.dashshare.domain.testing.Values.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an owner's {@code share_filter_policies} entry becomes a policy, checked against the filter. */
class FilterPolicyTest {

    private static FilterPolicy of(FilterDefinition filter, PolicyMode mode, List<RawValue> allowed, RawValue value) {
        return Policies.of(filter, filter.kind(), mode, allowed, value);
    }

    @Test
    void the_guide_example_builds_a_selectable_multi_select_policy() {
        FilterPolicy policy = Policies.of(STATUS, FilterKind.fromWire("multi_select").orElseThrow(),
                PolicyMode.fromWire("selectable").orElseThrow(), List.of(str("Active"), str("Pending")), null);

        assertThat(policy.allowedValues()).containsExactly(text("Active"), text("Pending"));
        assertThat(policy.allows("Active")).isTrue();
        assertThat(policy.allows("Closed")).isFalse();
    }

    @Test
    void a_declared_kind_that_does_not_match_the_filter_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> Policies.of(REGION, FilterKind.MULTI_SELECT, PolicyMode.SELECTABLE,
                        List.of(str("north")), null))
                .withMessage("filter_kind: multi_select does not match filter 'region' of kind select");
    }

    @Test
    void unknown_modes_and_kinds_are_left_to_the_caller_as_empty() {
        assertThat(PolicyMode.fromWire("readonly")).isEmpty();
        assertThat(PolicyMode.fromWire("SELECTABLE")).isEmpty();
        assertThat(PolicyMode.fromWire(null)).isEmpty();
        assertThat(PolicyMode.fromWire("fixed")).contains(PolicyMode.FIXED);
        assertThat(FilterKind.fromWire("dropdown")).isEmpty();
    }

    @Test
    void an_allowed_value_outside_the_static_options_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> of(REGION, PolicyMode.SELECTABLE, List.of(str("north"), str("atlantis")), null))
                .withMessage("allowed_values[1]: 'atlantis' is not an option of filter 'region'");
    }

    @Test
    void allowed_values_of_a_dynamic_filter_are_any_text() {
        assertThat(of(SEGMENT, PolicyMode.SELECTABLE, List.of(str("smb"), str("' OR '1'='1")), null).allowedValues())
                .containsExactly(text("smb"), text("' OR '1'='1"));
    }

    @Test
    void allowed_values_are_typed_and_deduplicated() {
        assertThat(of(MIN_AMOUNT, PolicyMode.SELECTABLE, List.of(str("10"), num("10.0"), str("1e1"), num("20")), null)
                .allowedValues()).containsExactly(number("10"), number("20"));
    }

    @Test
    void an_allowed_value_of_the_wrong_type_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> of(PERIOD_START, PolicyMode.SELECTABLE, List.of(str("tomorrow")), null))
                .withMessage("allowed_values[0]: expected a date as YYYY-MM-DD, got string");
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> of(STATUS, PolicyMode.SELECTABLE, List.of(arr("Active")), null))
                .withMessage("allowed_values[0]: expected a string, got array");
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> of(STATUS, PolicyMode.SELECTABLE, List.of(OBJECT), null));
    }

    @Test
    void a_selectable_policy_without_allowed_values_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> of(STATUS, PolicyMode.SELECTABLE, null, null))
                .withMessage("allowed_values: is required for a selectable policy");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> of(STATUS, PolicyMode.SELECTABLE, List.of(), null))
                .withMessage("allowed_values: is required for a selectable policy");
    }

    @Test
    void a_selectable_policy_with_a_value_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> of(REGION, PolicyMode.SELECTABLE, List.of(str("north")), str("north")))
                .withMessage("value: belongs to fixed policies only");
    }

    @Test
    void a_fixed_policy_without_value_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> of(REGION, PolicyMode.FIXED, List.of(), null))
                .withMessage("value: is required for a fixed policy");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> of(REGION, PolicyMode.FIXED, List.of(), NULL))
                .withMessage("value: is required for a fixed policy");
    }

    @Test
    void a_fixed_policy_with_a_blank_value_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> of(REGION, PolicyMode.FIXED, List.of(), EMPTY_STRING))
                .withMessage("value: empty string");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> of(STATUS, PolicyMode.FIXED, List.of(), EMPTY_ARRAY));
    }

    @Test
    void a_fixed_value_outside_the_static_options_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> of(REGION, PolicyMode.FIXED, List.of(), str("atlantis")))
                .withMessage("value: is not an option of filter 'region'");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> of(TAGS, PolicyMode.FIXED, List.of(), arr("a", "z")));
    }

    @Test
    void a_fixed_value_of_the_wrong_type_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> of(MIN_AMOUNT, PolicyMode.FIXED, List.of(), str("ten")))
                .withMessage("value: expected a number, got string");
    }

    @Test
    void a_fixed_multi_select_value_is_a_list() {
        assertThat(of(TAGS, PolicyMode.FIXED, List.of(), arr("c", "a")).value()).contains(list("c", "a"));
        assertThat(of(TAGS, PolicyMode.FIXED, List.of(), str("b")).value()).contains(list("b"));
    }

    @Test
    void a_fixed_policy_with_allowed_values_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> of(REGION, PolicyMode.FIXED, List.of(str("north")), str("north")))
                .withMessage("allowed_values: belongs to selectable policies only");
    }

    @Test
    void a_disabled_policy_takes_neither_value_nor_allowed_values() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> of(REGION, PolicyMode.DISABLED, List.of(), str("north")));
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> of(REGION, PolicyMode.DISABLED, List.of(str("north")), null));
        FilterPolicy disabled = of(REGION, PolicyMode.DISABLED, List.of(), NULL);
        assertThat(disabled.value()).isEmpty();
        assertThat(disabled.allowedValues()).isEmpty();
    }

    @Test
    void the_canonical_constructor_refuses_a_fixed_value_of_another_kind() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new FilterPolicy(STATUS.slug(), FilterKind.MULTI_SELECT,
                PolicyMode.FIXED, List.of(), Optional.of(text("Active"))));
    }
}
