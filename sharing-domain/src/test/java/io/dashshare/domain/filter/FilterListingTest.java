package io.dashshare.domain.filter;

import static io.dashshare.domain.error.ErrorCode.FILTER_DISABLED_BY_POLICY;
import static io.dashshare.domain.error.ErrorCode.INVALID_PARAMETER;
import static io.dashshare.domain.filter.Fixture.CHANNEL;
import static io.dashshare.domain.filter.Fixture.CUSTOMER;
import static io.dashshare.domain.filter.Fixture.DASHBOARD;
import static io.dashshare.domain.filter.Fixture.FILTERS;
import static io.dashshare.domain.filter.Fixture.MIN_AMOUNT;
import static io.dashshare.domain.filter.Fixture.PERIOD_END;
import static io.dashshare.domain.filter.Fixture.PERIOD_START;
import static io.dashshare.domain.filter.Fixture.REGION;
import static io.dashshare.domain.filter.Fixture.SEGMENT;
import static io.dashshare.domain.filter.Fixture.STATUS;
import static io.dashshare.domain.filter.Fixture.TAGS;
import static io.dashshare.domain.testing.EmbedClaimsBuilder.anEmbedToken;
import static io.dashshare.domain.testing.PolicyBuilder.disabled;
import static io.dashshare.domain.testing.PolicyBuilder.fixed;
import static io.dashshare.domain.testing.PolicyBuilder.fixedList;
import static io.dashshare.domain.testing.PolicyBuilder.selectable;
import static io.dashshare.domain.testing.PolicyBuilder.sharing;
import static io.dashshare.domain.testing.SharingExceptionAssert.assertRefused;
import static io.dashshare.domain.testing.Values.date;
import static io.dashshare.domain.testing.Values.list;
import static io.dashshare.domain.testing.Values.number;
import static io.dashshare.domain.testing.Values.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.filter.ViewerFilter.ViewerMode;
import io.dashshare.domain.testing.EmbedClaimsBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/filters.md for what the viewer is shown rather than what runs: {@link FilterResolver#visibleFilters}
 * (resolve/info), {@link FilterResolver#optionsPlan} (the options column) and
 * {@link FilterResolver#omittedValues} (values bound into option queries).
 */
class FilterListingTest {

    private static AccessRules embed(EmbedClaimsBuilder token) {
        return token.build().rulesFor(DASHBOARD);
    }

    private static ViewerFilter visible(AccessRules rules, String slug) {
        return FilterResolver.visibleFilters(FILTERS, rules).orElseThrow().stream()
                .filter(f -> f.definition().slug().value().equals(slug)).findFirst().orElse(null);
    }

    private static List<String> visibleSlugs(AccessRules rules) {
        return FilterResolver.visibleFilters(FILTERS, rules).orElseThrow().stream().map(f -> f.definition().slug().value()).toList();
    }

    // ---------------------------------------------------------------- visibleFilters

    @Test
    void without_policy_every_filter_is_listed_as_free_with_its_default_and_options_source() {
        List<ViewerFilter> visible = FilterResolver.visibleFilters(FILTERS, AccessRules.UNRESTRICTED).orElseThrow();

        assertThat(visible).extracting(f -> f.definition().slug().value()).containsExactly(
                "period_start", "period_end", "status", "region", "min_amount", "customer", "channel", "tags", "segment");
        assertThat(visible).allSatisfy(f -> {
            assertThat(f.mode()).isEqualTo(ViewerMode.FREE);
            assertThat(f.allowedValues()).isEmpty();
            assertThat(f.required()).isFalse();
        });
        assertThat(visible(AccessRules.UNRESTRICTED, "period_start").effectiveDefault()).contains(date("2025-01-01"));
        assertThat(visible(AccessRules.UNRESTRICTED, "region").effectiveDefault()).isEmpty();
        assertThat(visible(AccessRules.UNRESTRICTED, "region").optionsSource()).contains(OptionsSource.STATIC);
        assertThat(visible(AccessRules.UNRESTRICTED, "status").optionsSource()).contains(OptionsSource.DYNAMIC);
        assertThat(visible(AccessRules.UNRESTRICTED, "customer").optionsSource()).isEmpty();
    }

    @Test
    void selectable_filter_is_listed_with_its_labelled_allowed_values_and_source_policy() {
        ViewerFilter region = visible(sharing(selectable(REGION, "south", "north")), "region");

        assertThat(region.mode()).isEqualTo(ViewerMode.SELECTABLE);
        assertThat(region.allowedValues()).containsExactly(new FilterOption("South", "south"), new FilterOption("North", "north"));
        assertThat(region.optionsSource()).contains(OptionsSource.POLICY);
        assertThat(region.effectiveDefault()).contains(text("south"));
    }

    @Test
    void selectable_multi_select_default_shown_is_all_allowed_values() {
        ViewerFilter status = visible(sharing(selectable(STATUS, "Active", "Pending")), "status");

        assertThat(status.allowedValues()).containsExactly(new FilterOption("Active", "Active"),
                new FilterOption("Pending", "Pending"));
        assertThat(status.effectiveDefault()).contains(list("Active", "Pending"));
    }

    @Test
    void fixed_filter_is_listed_as_fixed_with_its_value_and_is_never_required_of_the_viewer() {
        FilterDefinition requiredRegion = FilterBuilderSupport.requiredCopy(REGION);
        ViewerFilter region = FilterResolver.visibleFilters(List.of(requiredRegion),
                sharing(fixed(requiredRegion, "east"))).orElseThrow().get(0);

        assertThat(region.mode()).isEqualTo(ViewerMode.FIXED);
        assertThat(region.allowedValues()).containsExactly(new FilterOption("East", "east"));
        assertThat(region.effectiveDefault()).contains(text("east"));
        assertThat(region.optionsSource()).contains(OptionsSource.POLICY);
        assertThat(region.required()).isFalse();
    }

    @Test
    void fixed_multi_select_lists_each_fixed_element() {
        ViewerFilter status = visible(sharing(fixedList(STATUS, "Active", "Closed")), "status");

        assertThat(status.allowedValues()).extracting(FilterOption::value).containsExactly("Active", "Closed");
        assertThat(status.effectiveDefault()).contains(list("Active", "Closed"));
    }

    @Test
    void disabled_filters_are_not_listed() {
        assertThat(visibleSlugs(sharing(disabled(REGION), disabled(STATUS))))
                .doesNotContain("region", "status").contains("period_start", "channel");
    }

    @Test
    void embed_lists_allowed_params_as_free_and_hides_params_not_allowed() {
        AccessRules rules = embed(anEmbedToken().allowing("period_start", "period_end"));

        assertThat(visibleSlugs(rules)).containsExactly("period_start", "period_end");
        assertThat(visible(rules, "period_start").mode()).isEqualTo(ViewerMode.FREE);
    }

    @Test
    void embed_lists_a_fixed_param_as_fixed_even_when_not_allowed() {
        ViewerFilter region = visible(embed(anEmbedToken().fixing("region", "west")), "region");

        assertThat(region.mode()).isEqualTo(ViewerMode.FIXED);
        assertThat(region.effectiveDefault()).contains(text("west"));
    }

    @Test
    void embed_required_param_is_listed_as_required() {
        AccessRules rules = embed(anEmbedToken().allowing("period_start", "period_end").requiring("period_start"));

        assertThat(visible(rules, "period_start").required()).isTrue();
        assertThat(visible(rules, "period_end").required()).isFalse();
    }

    @Test
    void filter_required_by_the_dashboard_is_listed_as_required() {
        FilterDefinition requiredRegion = FilterBuilderSupport.requiredCopy(REGION);

        assertThat(FilterResolver.visibleFilters(List.of(requiredRegion), AccessRules.UNRESTRICTED).orElseThrow().get(0).required())
                .isTrue();
    }

    // ---------------------------------------------------------------- optionsPlan

    static Stream<Arguments> listedOptions() {
        return Stream.of(
                Arguments.of("no policy on a static select lists its options with source static",
                        AccessRules.UNRESTRICTED, REGION, OptionsSource.STATIC, List.of("north", "south", "east", "west")),
                Arguments.of("no policy on a static multi_select lists its options with source static",
                        AccessRules.UNRESTRICTED, TAGS, OptionsSource.STATIC, List.of("a", "b", "c")),
                Arguments.of("selectable lists the allowed values with source policy",
                        sharing(selectable(REGION, "west", "east")), REGION, OptionsSource.POLICY, List.of("west", "east")),
                Arguments.of("selectable on a dynamic filter lists the allowed values, no query",
                        sharing(selectable(STATUS, "Active", "Pending")), STATUS, OptionsSource.POLICY,
                        List.of("Active", "Pending")),
                Arguments.of("fixed lists the fixed value with source policy",
                        sharing(fixed(REGION, "north")), REGION, OptionsSource.POLICY, List.of("north")),
                Arguments.of("fixed multi_select lists each fixed element",
                        sharing(fixedList(STATUS, "Closed", "Active")), STATUS, OptionsSource.POLICY,
                        List.of("Closed", "Active")),
                Arguments.of("embed allowed and fixed param lists the token value with source policy",
                        embed(anEmbedToken().allowing("segment").fixing("segment", "smb")), SEGMENT,
                        OptionsSource.POLICY, List.of("smb")),
                Arguments.of("embed allowed static select lists its options",
                        embed(anEmbedToken().allowing("region")), REGION, OptionsSource.STATIC,
                        List.of("north", "south", "east", "west")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void listedOptions(String behaviour, AccessRules rules, FilterDefinition filter, OptionsSource source,
                       List<String> values) {
        OptionsPlan plan = FilterResolver.optionsPlan(filter, rules).orElseThrow();

        assertThat(plan).isInstanceOf(OptionsPlan.Listed.class);
        OptionsPlan.Listed listed = (OptionsPlan.Listed) plan;
        assertThat(listed.source()).isEqualTo(source);
        assertThat(listed.options()).extracting(FilterOption::value).containsExactlyElementsOf(values);
    }

    @Test
    void policy_options_carry_the_static_labels() {
        OptionsPlan.Listed listed = (OptionsPlan.Listed) FilterResolver.optionsPlan(REGION,
                sharing(selectable(REGION, "north"))).orElseThrow();

        assertThat(listed.options()).containsExactly(new FilterOption("North", "north"));
    }

    @Test
    void no_policy_on_a_dynamic_filter_plans_its_query() {
        assertThat(FilterResolver.optionsPlan(STATUS, AccessRules.UNRESTRICTED).orElseThrow())
                .isEqualTo(new OptionsPlan.Query(((FilterOptions.Dynamic) STATUS.options().orElseThrow()).sql()));
        assertThat(FilterResolver.optionsPlan(SEGMENT, embed(anEmbedToken().allowing("segment"))).orElseThrow())
                .isInstanceOf(OptionsPlan.Query.class);
    }

    static Stream<Arguments> refusedOptions() {
        return Stream.of(
                Arguments.of("disabled filter options are refused with FILTER_DISABLED_BY_POLICY",
                        sharing(disabled(STATUS)), STATUS),
                Arguments.of("disabled static filter options are refused with FILTER_DISABLED_BY_POLICY",
                        sharing(disabled(REGION)), REGION),
                Arguments.of("embed param not in allowed_params options are refused with FILTER_DISABLED_BY_POLICY",
                        embed(anEmbedToken().allowing("period_start")), STATUS),
                Arguments.of("embed fixed param not in allowed_params options are refused with FILTER_DISABLED_BY_POLICY",
                        embed(anEmbedToken().fixing("region", "north")), REGION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusedOptions(String behaviour, AccessRules rules, FilterDefinition filter) {
        assertRefused(() -> FilterResolver.optionsPlan(filter, rules).orElseThrow())
                .hasCode(FILTER_DISABLED_BY_POLICY).hasDetails("filter_slug", filter.slug().value());
    }

    @Test
    void options_of_a_filter_without_options_are_refused_with_INVALID_PARAMETER() {
        assertRefused(() -> FilterResolver.optionsPlan(CUSTOMER, AccessRules.UNRESTRICTED).orElseThrow())
                .hasCode(INVALID_PARAMETER).hasDetails("filter_slug", "customer", "reason", "no_options");
    }

    @Test
    void search_narrows_listed_options_by_label_or_value_ignoring_case() {
        FilterOption north = new FilterOption("North", "n1");

        assertThat(north.matches("NOR")).isTrue();
        assertThat(north.matches("n1")).isTrue();
        assertThat(north.matches("sou")).isFalse();
        assertThat(north.matches("")).isTrue();
        assertThat(north.matches(null)).isTrue();
        assertThat(north.matches("%")).as("no wildcard").isFalse();
    }

    // ---------------------------------------------------------------- omittedValues

    @Test
    void omitted_values_without_policy_are_the_defaults() {
        EffectiveParameters omitted = FilterResolver.omittedValues(FILTERS, AccessRules.UNRESTRICTED).orElseThrow();

        assertThat(omitted.values()).containsExactly(
                Map.entry(PERIOD_START.slug(), date("2025-01-01")),
                Map.entry(PERIOD_END.slug(), date("2025-12-31")),
                Map.entry(CHANNEL.slug(), text("web")),
                Map.entry(TAGS.slug(), list("a")));
    }

    @Test
    void omitted_values_under_policies_are_never_unrestricted() {
        AccessRules rules = sharing(selectable(STATUS, "Active"), selectable(MIN_AMOUNT, "5", "6"),
                fixed(REGION, "south"), disabled(CHANNEL), disabled(PERIOD_START));

        EffectiveParameters omitted = FilterResolver.omittedValues(FILTERS, rules).orElseThrow();

        assertThat(omitted.get(STATUS.slug())).contains(list("Active"));
        assertThat(omitted.get(MIN_AMOUNT.slug())).contains(number("5"));
        assertThat(omitted.get(REGION.slug())).contains(text("south"));
        assertThat(omitted.get(CHANNEL.slug())).contains(text("web"));
        assertThat(omitted.get(PERIOD_START.slug())).contains(date("2025-01-01"));
        assertThat(omitted.get(CUSTOMER.slug())).isEmpty();
    }

    @Test
    void omitted_values_under_an_embed_token_skip_the_required_check_and_keep_fixed_params() {
        AccessRules rules = embed(anEmbedToken().allowing("status").requiring("status").fixing("region", "west"));

        EffectiveParameters omitted = FilterResolver.omittedValues(FILTERS, rules).orElseThrow();

        assertThat(omitted.get(STATUS.slug())).isEmpty();
        assertThat(omitted.get(REGION.slug())).contains(text("west"));
    }

    @Test
    void omitted_values_bind_as_typed_nulls_when_unset() {
        EffectiveParameters omitted = FilterResolver.omittedValues(FILTERS, AccessRules.UNRESTRICTED).orElseThrow();

        assertThat(omitted.sqlParam("region")).contains(new io.dashshare.domain.sql.SqlParam.TextParam(null));
        assertThat(omitted.sqlParam("status")).contains(new io.dashshare.domain.sql.SqlParam.TextArrayParam(null));
        assertThat(omitted.sqlParam("min_amount")).contains(new io.dashshare.domain.sql.SqlParam.NumberParam(null));
        assertThat(omitted.sqlParam("period_start"))
                .contains(new io.dashshare.domain.sql.SqlParam.DateParam(java.time.LocalDate.parse("2025-01-01")));
        assertThat(omitted.sqlParam("search")).isEqualTo(Optional.empty());
    }

    /** Copies of fixture filters with the dashboard's own {@code required} flag set. */
    static final class FilterBuilderSupport {
        static FilterDefinition requiredCopy(FilterDefinition filter) {
            return new FilterDefinition(filter.slug(), filter.label(), filter.kind(), true, filter.defaultValue(),
                    filter.options());
        }
    }
}
