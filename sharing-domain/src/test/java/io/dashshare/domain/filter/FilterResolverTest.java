package io.dashshare.domain.filter;

import io.dashshare.domain.testing.Policies;
import static io.dashshare.domain.error.ErrorCode.FILTER_DISABLED_BY_POLICY;
import static io.dashshare.domain.error.ErrorCode.INVALID_PARAMETER;
import static io.dashshare.domain.error.ErrorCode.SHARE_FILTER_POLICY_VIOLATION;
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
import static io.dashshare.domain.filter.ResolveCase.when;
import static io.dashshare.domain.testing.EmbedClaimsBuilder.anEmbedToken;
import static io.dashshare.domain.testing.FilterBuilder.aDateFilter;
import static io.dashshare.domain.testing.FilterBuilder.aSelect;
import static io.dashshare.domain.testing.PolicyBuilder.disabled;
import static io.dashshare.domain.testing.PolicyBuilder.fixed;
import static io.dashshare.domain.testing.PolicyBuilder.fixedList;
import static io.dashshare.domain.testing.PolicyBuilder.selectable;
import static io.dashshare.domain.testing.PolicyBuilder.sharing;
import static io.dashshare.domain.testing.Raw.EMPTY_ARRAY;
import static io.dashshare.domain.testing.Raw.EMPTY_STRING;
import static io.dashshare.domain.testing.Raw.NULL;
import static io.dashshare.domain.testing.Raw.OBJECT;
import static io.dashshare.domain.testing.Raw.arr;
import static io.dashshare.domain.testing.Raw.arrOf;
import static io.dashshare.domain.testing.Raw.bool;
import static io.dashshare.domain.testing.Raw.num;
import static io.dashshare.domain.testing.Raw.str;
import static io.dashshare.domain.testing.SharingExceptionAssert.assertRefused;
import static io.dashshare.domain.testing.Values.date;
import static io.dashshare.domain.testing.Values.list;
import static io.dashshare.domain.testing.Values.number;
import static io.dashshare.domain.testing.Values.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.sql.SqlParam;
import io.dashshare.domain.testing.FilterBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/filters.md, row by row, for {@link FilterResolver#resolve}: each table is one row of the
 * rules table (or one of the bullets under it); each case names the behaviour it pins down.
 */
class FilterResolverTest {

    // ---------------------------------------------------------------- no policy

    static Stream<ResolveCase> noPolicy() {
        return Stream.of(
                when("date sent as YYYY-MM-DD is used").sends("period_start", str("2025-03-15"))
                        .gives("period_start", date("2025-03-15")),
                when("date omitted falls back to the filter default")
                        .gives("period_start", date("2025-01-01")),
                when("number sent as a JSON number is used").sends("min_amount", num("100"))
                        .gives("min_amount", number("100")),
                when("number sent as a numeric string is used").sends("min_amount", str("100.50"))
                        .gives("min_amount", number("100.5")),
                when("negative number with exponent is used").sends("min_amount", str("-1.5e2"))
                        .gives("min_amount", number("-150")),
                when("number omitted without default is unset").leavesUnset("min_amount"),
                when("text sent is used as is").sends("customer", str("Globex Corp"))
                        .gives("customer", text("Globex Corp")),
                when("text omitted without default is unset").leavesUnset("customer"),
                when("static select sent one of its options is used").sends("region", str("north"))
                        .gives("region", text("north")),
                when("static select sent a value that is no option is refused with INVALID_PARAMETER")
                        .sends("region", str("atlantis"))
                        .isRefused(INVALID_PARAMETER, "filter_slug", "region", "reason", "not_an_option"),
                when("static select options match exactly, not ignoring case").sends("region", str("North"))
                        .isRefused(INVALID_PARAMETER, "filter_slug", "region", "reason", "not_an_option"),
                when("static select omitted without default is unset").leavesUnset("region"),
                when("static select omitted falls back to its default").gives("channel", text("web")),
                when("dynamic select accepts any text (the query decides)").sends("segment", str("smb"))
                        .gives("segment", text("smb")),
                when("dynamic multi_select sent an array is used").sends("status", arr("Active", "Closed"))
                        .gives("status", list("Active", "Closed")),
                when("multi_select sent one string is a list of one").sends("status", str("Active"))
                        .gives("status", list("Active")),
                when("multi_select duplicates collapse").sends("status", arr("Active", "Active"))
                        .gives("status", list("Active")),
                when("dynamic multi_select omitted without default is unset").leavesUnset("status"),
                when("static multi_select with an element that is no option is refused with INVALID_PARAMETER")
                        .sends("tags", arr("a", "z"))
                        .isRefused(INVALID_PARAMETER, "filter_slug", "tags", "reason", "not_an_option"),
                when("static multi_select omitted falls back to its default").gives("tags", list("a")),
                when("a share without a policy for the filter leaves it free")
                        .under(sharing(selectable(REGION, "north"))).sends("customer", str("x"))
                        .gives("customer", text("x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void noPolicy(ResolveCase row) {
        row.check();
    }

    // ---------------------------------------------------------------- selectable + allowed_values

    static final AccessRules SELECTABLE = sharing(
            selectable(STATUS, "Active", "Pending"),
            selectable(REGION, "north", "south"),
            selectable(CHANNEL, "store", "phone"),
            selectable(TAGS, "b", "a"),
            selectable(MIN_AMOUNT, "10", "20"),
            selectable(PERIOD_START, "2025-01-01", "2025-07-01"),
            selectable(PERIOD_END, "2025-06-30", "2025-09-30"),
            selectable(CUSTOMER, "acme", "globex"),
            selectable(SEGMENT, "smb", "enterprise"));

    static Stream<ResolveCase> selectablePolicy() {
        return Stream.of(
                when("multi_select sent a subset of the allowed values uses it").under(SELECTABLE)
                        .sends("status", arr("Pending")).gives("status", list("Pending")),
                when("multi_select sent every allowed value in another order uses it").under(SELECTABLE)
                        .sends("status", arr("Pending", "Active")).gives("status", list("Pending", "Active")),
                when("multi_select sent one allowed value as a string uses it").under(SELECTABLE)
                        .sends("status", str("Active")).gives("status", list("Active")),
                when("multi_select with one value outside allowed_values is refused with SHARE_FILTER_POLICY_VIOLATION")
                        .under(SELECTABLE).sends("status", arr("Active", "Closed"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "status", "reason", "value_not_allowed"),
                when("multi_select omitted is all allowed values, never unrestricted").under(SELECTABLE)
                        .gives("status", list("Active", "Pending")),
                when("static multi_select omitted is all allowed values, not its default").under(SELECTABLE)
                        .gives("tags", list("b", "a")),
                when("select sent an allowed value uses it").under(SELECTABLE)
                        .sends("region", str("south")).gives("region", text("south")),
                when("select sent an option outside allowed_values is refused with SHARE_FILTER_POLICY_VIOLATION")
                        .under(SELECTABLE).sends("region", str("east"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region", "reason", "value_not_allowed"),
                when("select sent a value that is no option at all is refused with SHARE_FILTER_POLICY_VIOLATION")
                        .under(SELECTABLE).sends("region", str("atlantis"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region", "reason", "value_not_allowed"),
                when("select omitted without default is the first allowed value").under(SELECTABLE)
                        .gives("region", text("north")),
                when("select omitted whose default is not allowed is the first allowed value").under(SELECTABLE)
                        .gives("channel", text("store")),
                when("select omitted whose default is allowed is the default")
                        .under(sharing(selectable(CHANNEL, "phone", "web"))).gives("channel", text("web")),
                when("dynamic select omitted is the first allowed value").under(SELECTABLE)
                        .gives("segment", text("smb")),
                when("number sent as a string equal to an allowed value is used").under(SELECTABLE)
                        .sends("min_amount", str("20.0")).gives("min_amount", number("20")),
                when("number sent as a JSON number equal to an allowed value is used").under(SELECTABLE)
                        .sends("min_amount", num("2E+1")).gives("min_amount", number("20")),
                when("number outside allowed_values is refused with SHARE_FILTER_POLICY_VIOLATION").under(SELECTABLE)
                        .sends("min_amount", num("30"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "min_amount", "reason", "value_not_allowed"),
                when("number omitted is the first allowed value").under(SELECTABLE)
                        .gives("min_amount", number("10")),
                when("number omitted with a huge allowed value is that value")
                        .under(sharing(Policies.of(MIN_AMOUNT, FilterKind.NUMBER, PolicyMode.SELECTABLE,
                                List.of(num("1E+50")), null)))
                        .gives("min_amount", number("1E+50")),
                when("number omitted with a tiny allowed value is that value")
                        .under(sharing(Policies.of(MIN_AMOUNT, FilterKind.NUMBER, PolicyMode.SELECTABLE,
                                List.of(num("1E-50")), null)))
                        .gives("min_amount", number("1E-50")),
                when("date sent an allowed value is used").under(SELECTABLE)
                        .sends("period_start", str("2025-07-01")).gives("period_start", date("2025-07-01")),
                when("date outside allowed_values is refused with SHARE_FILTER_POLICY_VIOLATION").under(SELECTABLE)
                        .sends("period_start", str("2025-07-02"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "period_start", "reason", "value_not_allowed"),
                when("date omitted whose default is allowed is the default").under(SELECTABLE)
                        .gives("period_start", date("2025-01-01")),
                when("date omitted whose default is not allowed is the first allowed value").under(SELECTABLE)
                        .gives("period_end", date("2025-06-30")),
                when("text sent an allowed value is used").under(SELECTABLE)
                        .sends("customer", str("globex")).gives("customer", text("globex")),
                when("text allowed values match exactly, not ignoring case").under(SELECTABLE)
                        .sends("customer", str("ACME"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "customer", "reason", "value_not_allowed"),
                when("text allowed values are not patterns").under(SELECTABLE)
                        .sends("customer", str("%"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "customer", "reason", "value_not_allowed"),
                when("selectable sent a value of the wrong type is refused with INVALID_PARAMETER").under(SELECTABLE)
                        .sends("region", OBJECT)
                        .isRefused(INVALID_PARAMETER, "filter_slug", "region", "reason", "wrong_type", "detail", "expected a string, got object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void selectablePolicy(ResolveCase row) {
        row.check();
    }

    // ---------------------------------------------------------------- fixed + value

    static final AccessRules FIXED = sharing(
            fixed(REGION, "north"),
            fixedList(STATUS, "Active", "Pending"),
            fixed(MIN_AMOUNT, num("100")),
            fixed(PERIOD_START, "2025-03-01"),
            fixed(CUSTOMER, "acme"));

    static Stream<ResolveCase> fixedPolicy() {
        return Stream.of(
                when("select sent the fixed value is accepted").under(FIXED)
                        .sends("region", str("north")).gives("region", text("north")),
                when("select sent another value is refused with SHARE_FILTER_POLICY_VIOLATION").under(FIXED)
                        .sends("region", str("south"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region", "reason", "value_is_fixed"),
                when("select omitted is the fixed value").under(FIXED).gives("region", text("north")),
                when("multi_select sent the same set in another order is accepted").under(FIXED)
                        .sends("status", arr("Pending", "Active")).gives("status", list("Active", "Pending")),
                when("multi_select sent the same set with a duplicate is accepted").under(FIXED)
                        .sends("status", arr("Pending", "Active", "Pending")).gives("status", list("Active", "Pending")),
                when("multi_select sent a subset of the fixed value is refused").under(FIXED)
                        .sends("status", arr("Active"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "status", "reason", "value_is_fixed"),
                when("multi_select sent a superset of the fixed value is refused").under(FIXED)
                        .sends("status", arr("Active", "Pending", "Closed"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "status", "reason", "value_is_fixed"),
                when("multi_select omitted is the fixed value").under(FIXED).gives("status", list("Active", "Pending")),
                when("number sent the same magnitude in another form is accepted").under(FIXED)
                        .sends("min_amount", str("1.00e2")).gives("min_amount", number("100")),
                when("number sent another value is refused").under(FIXED)
                        .sends("min_amount", num("100.01"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "min_amount", "reason", "value_is_fixed"),
                when("date sent another day is refused").under(FIXED)
                        .sends("period_start", str("2025-03-02"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "period_start", "reason", "value_is_fixed"),
                when("date omitted is the fixed value, not the filter default").under(FIXED)
                        .gives("period_start", date("2025-03-01")),
                when("text sent in another case is refused").under(FIXED)
                        .sends("customer", str("Acme"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "customer", "reason", "value_is_fixed"),
                when("fixed sent a value of the wrong type is refused with INVALID_PARAMETER").under(FIXED)
                        .sends("region", arr("north"))
                        .isRefused(INVALID_PARAMETER, "filter_slug", "region", "reason", "wrong_type", "detail", "expected a string, got array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void fixedPolicy(ResolveCase row) {
        row.check();
    }

    // ---------------------------------------------------------------- disabled

    static final AccessRules DISABLED = sharing(disabled(REGION), disabled(CHANNEL), disabled(PERIOD_START),
            disabled(TAGS), disabled(STATUS));

    static Stream<ResolveCase> disabledPolicy() {
        return Stream.of(
                when("disabled filter sent is refused with FILTER_DISABLED_BY_POLICY").under(DISABLED)
                        .sends("region", str("north")).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "region"),
                when("disabled filter sent its own default is still refused").under(DISABLED)
                        .sends("channel", str("web")).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "channel"),
                when("disabled multi_select sent is refused").under(DISABLED)
                        .sends("status", arr("Active")).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "status"),
                when("disabled filter sent a value of the wrong type is refused as disabled").under(DISABLED)
                        .sends("period_start", OBJECT).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "period_start"),
                when("disabled filter sent as null is refused, the key alone is sending it").under(DISABLED)
                        .sends("region", NULL).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "region"),
                when("disabled filter sent as empty string is refused").under(DISABLED)
                        .sends("region", EMPTY_STRING).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "region"),
                when("disabled filter sent as empty array is refused").under(DISABLED)
                        .sends("status", EMPTY_ARRAY).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "status"),
                when("disabled filter omitted without default is unset").under(DISABLED).leavesUnset("region"),
                when("disabled select omitted is its default").under(DISABLED).gives("channel", text("web")),
                when("disabled date omitted is its default").under(DISABLED).gives("period_start", date("2025-01-01")),
                when("disabled multi_select omitted is its default").under(DISABLED).gives("tags", list("a")),
                when("other filters stay free next to a disabled one").under(DISABLED)
                        .sends("period_end", str("2025-02-01")).gives("period_end", date("2025-02-01")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void disabledPolicy(ResolveCase row) {
        row.check();
    }

    // ---------------------------------------------------------------- embed params

    static AccessRules embed(io.dashshare.domain.testing.EmbedClaimsBuilder token) {
        return token.build().rulesFor(DASHBOARD);
    }

    static Stream<ResolveCase> embedParams() {
        return Stream.of(
                when("embed param in allowed_params is free").under(embed(anEmbedToken().allowing("period_start")))
                        .sends("period_start", str("2025-05-05")).gives("period_start", date("2025-05-05")),
                when("embed param not in allowed_params is refused with FILTER_DISABLED_BY_POLICY")
                        .under(embed(anEmbedToken().allowing("period_start", "period_end")))
                        .sends("region", str("north")).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "region"),
                when("embed token without allowed_params refuses every param")
                        .under(embed(anEmbedToken()))
                        .sends("period_start", str("2025-01-01"))
                        .isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "period_start"),
                when("embed param not allowed sent as null is refused")
                        .under(embed(anEmbedToken().allowing("period_start")))
                        .sends("region", NULL).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "region"),
                when("embed param not allowed and omitted is the filter default")
                        .under(embed(anEmbedToken().allowing("period_start"))).gives("channel", text("web")),
                when("embed param not allowed and omitted without default is unset")
                        .under(embed(anEmbedToken().allowing("period_start"))).leavesUnset("region"),
                when("embed fixed param not allowed and omitted is the token value")
                        .under(embed(anEmbedToken().fixing("region", "south"))).gives("region", text("south")),
                when("embed fixed param wins over the filter default")
                        .under(embed(anEmbedToken().fixing("channel", "phone"))).gives("channel", text("phone")),
                when("embed fixed param outside allowed_params sent at all is refused with FILTER_DISABLED_BY_POLICY")
                        .under(embed(anEmbedToken().fixing("region", "south")))
                        .sends("region", str("south")).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "region"),
                when("embed fixed param outside allowed_params sent another value is refused")
                        .under(embed(anEmbedToken().fixing("region", "south")))
                        .sends("region", str("north")).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "region"),
                when("embed fixed and allowed param sent the token value is accepted")
                        .under(embed(anEmbedToken().allowing("region").fixing("region", "south")))
                        .sends("region", str("south")).gives("region", text("south")),
                when("embed fixed and allowed param sent another value is refused with SHARE_FILTER_POLICY_VIOLATION")
                        .under(embed(anEmbedToken().allowing("region").fixing("region", "south")))
                        .sends("region", str("north"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region", "reason", "value_is_fixed"),
                when("embed fixed multi_select sent the same set in another order is accepted")
                        .under(embed(anEmbedToken().allowing("status").fixing("status", arr("Active", "Closed"))))
                        .sends("status", arr("Closed", "Active")).gives("status", list("Active", "Closed")),
                when("embed fixed and allowed param sent blank is the token value")
                        .under(embed(anEmbedToken().allowing("region").fixing("region", "south")))
                        .sends("region", EMPTY_STRING).gives("region", text("south")),
                when("embed required param missing is refused with SHARE_FILTER_POLICY_VIOLATION")
                        .under(embed(anEmbedToken().allowing("period_start", "period_end")
                                .requiring("period_start", "period_end")))
                        .sends("period_end", str("2025-12-31"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "period_start", "reason", "required"),
                when("embed required param is not satisfied by the filter default")
                        .under(embed(anEmbedToken().allowing("channel").requiring("channel")))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "channel", "reason", "required"),
                when("embed required param sent as null is missing")
                        .under(embed(anEmbedToken().allowing("period_start").requiring("period_start")))
                        .sends("period_start", NULL)
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "period_start", "reason", "required"),
                when("embed required param sent as empty string is missing")
                        .under(embed(anEmbedToken().allowing("period_start").requiring("period_start")))
                        .sends("period_start", EMPTY_STRING)
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "period_start", "reason", "required"),
                when("embed required multi_select sent as empty array is missing")
                        .under(embed(anEmbedToken().allowing("status").requiring("status")))
                        .sends("status", EMPTY_ARRAY)
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "status", "reason", "required"),
                when("embed required param sent is used")
                        .under(embed(anEmbedToken().allowing("period_start").requiring("period_start")))
                        .sends("period_start", str("2024-02-29")).gives("period_start", date("2024-02-29")),
                when("embed required param is satisfied by a fixed param")
                        .under(embed(anEmbedToken().requiring("region").fixing("region", "east")))
                        .gives("region", text("east")),
                when("embed required but not allowed param can be neither sent nor omitted: omitted is refused")
                        .under(embed(anEmbedToken().requiring("region")))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region", "reason", "required"),
                when("embed required but not allowed param can be neither sent nor omitted: sent is refused")
                        .under(embed(anEmbedToken().requiring("region")))
                        .sends("region", str("east")).isRefused(FILTER_DISABLED_BY_POLICY, "filter_slug", "region"),
                when("embed allowed static select still only takes its options")
                        .under(embed(anEmbedToken().allowing("region")))
                        .sends("region", str("atlantis"))
                        .isRefused(INVALID_PARAMETER, "filter_slug", "region", "reason", "not_an_option"),
                when("embed allowed param sent a value of the wrong type is refused with INVALID_PARAMETER")
                        .under(embed(anEmbedToken().allowing("min_amount")))
                        .sends("min_amount", str("ten"))
                        .isRefused(INVALID_PARAMETER, "filter_slug", "min_amount", "reason", "wrong_type", "detail", "expected a number, got string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void embedParams(ResolveCase row) {
        row.check();
    }

    // ---------------------------------------------------------------- unknown slugs

    static Stream<ResolveCase> unknownSlugs() {
        return Stream.of(
                when("a slug that is no filter of the dashboard is refused with SHARE_FILTER_POLICY_VIOLATION")
                        .sends("country", str("fr"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "country", "reason", "unknown_filter"),
                when("an unknown slug sent as null is still refused").sends("country", NULL)
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "country", "reason", "unknown_filter"),
                when("slugs match exactly, not ignoring case").sends("Region", str("north"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "Region", "reason", "unknown_filter"),
                when("search is no filter in execute parameters").sends("search", str("a"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "search", "reason", "unknown_filter"),
                when("an unknown slug is refused under a share too")
                        .under(sharing(selectable(REGION, "north"))).sends("region;drop", str("north"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region;drop", "reason", "unknown_filter"),
                when("an unknown slug is refused under an embed token too")
                        .under(embed(anEmbedToken().allowing("nope", "region"))).sends("nope", str("x"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "nope", "reason", "unknown_filter"),
                when("an unknown slug is echoed without control characters").sends("a\u0000b\nc", str("x"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "a?b?c", "reason", "unknown_filter"),
                when("an unknown slug is echoed at a bounded length").sends("x".repeat(200), str("x"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "x".repeat(64) + "...",
                                "reason", "unknown_filter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unknownSlugs(ResolveCase row) {
        row.check();
    }

    // ---------------------------------------------------------------- wrong types

    static Stream<ResolveCase> wrongTypes() {
        return Stream.of(
                invalid("date that is no calendar day", "period_start", str("2025-13-40"), "invalid_date", "not a valid calendar date"),
                invalid("date 30 February", "period_start", str("2025-02-30"), "invalid_date", "not a valid calendar date"),
                invalid("date in another format", "period_start", str("01/02/2025"),
                        "wrong_type", "expected a date as YYYY-MM-DD, got string"),
                invalid("date with a time", "period_start", str("2025-01-01T00:00:00Z"),
                        "wrong_type", "expected a date as YYYY-MM-DD, got string"),
                invalid("date as a number", "period_start", num("20250101"), "wrong_type", "expected a date as YYYY-MM-DD, got number"),
                invalid("date as an array", "period_start", arr("2025-01-01"), "wrong_type", "expected a date as YYYY-MM-DD, got array"),
                invalid("date as an object", "period_start", OBJECT, "wrong_type", "expected a date as YYYY-MM-DD, got object"),
                invalid("text for a number", "min_amount", str("ten"), "wrong_type", "expected a number, got string"),
                invalid("NaN for a number", "min_amount", str("NaN"), "wrong_type", "expected a number, got string"),
                invalid("number with spaces", "min_amount", str(" 10"), "wrong_type", "expected a number, got string"),
                invalid("number out of range", "min_amount", str("1e500"), "out_of_range", "number out of range"),
                invalid("number with too many digits", "min_amount", num("1234567890123456789012345678901234567890"),
                        "out_of_range", "number out of range"),
                invalid("boolean for a number", "min_amount", bool(true), "wrong_type", "expected a number, got boolean"),
                invalid("array for a number", "min_amount", arrOf(num("1")), "wrong_type", "expected a number, got array"),
                invalid("object for a number", "min_amount", OBJECT, "wrong_type", "expected a number, got object"),
                invalid("number for text", "customer", num("5"), "wrong_type", "expected a string, got number"),
                invalid("boolean for text", "customer", bool(false), "wrong_type", "expected a string, got boolean"),
                invalid("object for text", "customer", OBJECT, "wrong_type", "expected a string, got object"),
                invalid("array for a text scalar", "customer", arr("acme"), "wrong_type", "expected a string, got array"),
                invalid("array for a select scalar", "region", arr("north"), "wrong_type", "expected a string, got array"),
                invalid("object for a select", "region", OBJECT, "wrong_type", "expected a string, got object"),
                invalid("object for a multi_select", "status", OBJECT, "wrong_type", "expected a string, got object"),
                invalid("number for a multi_select", "status", num("1"), "wrong_type", "expected a string, got number"),
                invalid("nested array in a multi_select", "status", arrOf(arr("Active")), "wrong_type", "expected a string, got array"),
                invalid("object element in a multi_select", "status", arrOf(str("Active"), OBJECT),
                        "wrong_type", "expected a string, got object"),
                invalid("null element in a multi_select", "status", arrOf(str("Active"), NULL),
                        "wrong_type", "expected a string, got null"),
                invalid("empty string element in a multi_select", "status", arr("Active", ""), "empty", "empty string"),
                invalid("text longer than 1000 characters", "customer", str("x".repeat(1001)),
                        "too_long", "longer than 1000 characters"),
                invalid("multi_select with more than 1000 elements", "status",
                        new RawValue.Arr(Collections.nCopies(1001, str("Active"))), "too_many_values", "at most 1000 values"));
    }

    private static ResolveCase invalid(String what, String slug, RawValue value, String reason, String detail) {
        return when(what + " is refused with INVALID_PARAMETER").sends(slug, value)
                .isRefused(INVALID_PARAMETER, "filter_slug", slug, "reason", reason, "detail", detail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void wrongTypes(ResolveCase row) {
        row.check();
    }

    // ---------------------------------------------------------------- blank values

    static Stream<ResolveCase> blankValues() {
        List<ResolveCase> rows = new ArrayList<>();
        Map<String, RawValue> blanks = new LinkedHashMap<>();
        blanks.put("null", NULL);
        blanks.put("a missing JSON value", null);
        blanks.put("empty string", EMPTY_STRING);
        blanks.put("empty array", EMPTY_ARRAY);
        blanks.forEach((name, blank) -> {
            rows.add(when("selectable multi_select sent as " + name + " is all allowed values").under(SELECTABLE)
                    .sends("status", blank).gives("status", list("Active", "Pending")));
            rows.add(when("selectable select sent as " + name + " is the first allowed value").under(SELECTABLE)
                    .sends("region", blank).gives("region", text("north")));
            rows.add(when("fixed select sent as " + name + " is the fixed value").under(FIXED)
                    .sends("region", blank).gives("region", text("north")));
            rows.add(when("fixed multi_select sent as " + name + " is the fixed value").under(FIXED)
                    .sends("status", blank).gives("status", list("Active", "Pending")));
            rows.add(when("free date sent as " + name + " is the default")
                    .sends("period_start", blank).gives("period_start", date("2025-01-01")));
            rows.add(when("free text sent as " + name + " is unset").sends("customer", blank).leavesUnset("customer"));
            rows.add(when("free multi_select sent as " + name + " is unset").sends("status", blank).leavesUnset("status"));
        });
        rows.add(when("whitespace is not blank: it is a value and must be allowed").under(SELECTABLE)
                .sends("region", str(" "))
                .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region", "reason", "value_not_allowed"));
        rows.add(when("a list of blanks is not blank: its elements are refused").under(SELECTABLE)
                .sends("status", arrOf(NULL))
                .isRefused(INVALID_PARAMETER, "filter_slug", "status", "reason", "wrong_type", "detail", "expected a string, got null"));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void blankValues(ResolveCase row) {
        row.check();
    }

    // ---------------------------------------------------------------- hostile strings

    static final List<String> HOSTILE = List.of("' OR '1'='1", "%", "_", "\\", "1);DROP TABLE t;--", "$$", "\\'",
            "'||pg_sleep(5)||'", ":region", "?", "/*", "--", "\"north\"", "north' --");

    static Stream<ResolveCase> hostileStrings() {
        List<ResolveCase> rows = new ArrayList<>();
        for (String hostile : HOSTILE) {
            rows.add(when("free text " + hostile + " is matched literally").sends("customer", str(hostile))
                    .gives("customer", text(hostile)));
            rows.add(when("free multi_select element " + hostile + " is matched literally")
                    .sends("status", arr("Active", hostile)).gives("status", list("Active", hostile)));
            rows.add(when("selectable select " + hostile + " is not allowed").under(SELECTABLE)
                    .sends("region", str(hostile))
                    .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region", "reason", "value_not_allowed"));
            rows.add(when("static select " + hostile + " is no option").sends("region", str(hostile))
                    .isRefused(INVALID_PARAMETER, "filter_slug", "region", "reason", "not_an_option"));
            rows.add(when("number " + hostile + " is no number").sends("min_amount", str(hostile))
                    .isRefused(INVALID_PARAMETER, "filter_slug", "min_amount", "reason", "wrong_type", "detail", "expected a number, got string"));
        }
        rows.add(when("text with NUL is refused with INVALID_PARAMETER").sends("customer", str("acme\u0000"))
                .isRefused(INVALID_PARAMETER, "filter_slug", "customer", "reason", "control_characters", "detail", "contains control characters"));
        rows.add(when("text with escape character is refused").sends("customer", str("a\u001bb"))
                .isRefused(INVALID_PARAMETER, "filter_slug", "customer", "reason", "control_characters", "detail", "contains control characters"));
        rows.add(when("multi_select element with NUL is refused").sends("status", arr("Active", "\u0000"))
                .isRefused(INVALID_PARAMETER, "filter_slug", "status", "reason", "control_characters", "detail", "contains control characters"));
        rows.add(when("selectable value with NUL is refused as invalid before the policy check").under(SELECTABLE)
                .sends("customer", str("acme\u0000"))
                .isRefused(INVALID_PARAMETER, "filter_slug", "customer", "reason", "control_characters", "detail", "contains control characters"));
        rows.add(when("text with tab and newline is accepted literally").sends("customer", str("a\tb\nc"))
                .gives("customer", text("a\tb\nc")));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void hostileStrings(ResolveCase row) {
        row.check();
    }

    @Test
    void hostile_text_reaches_sql_only_as_a_typed_bind_value() {
        EffectiveParameters parameters = FilterResolver.resolve(FILTERS, AccessRules.UNRESTRICTED,
                Map.of("customer", str("' OR '1'='1"), "status", arr("$$", "'||pg_sleep(5)||'"))).orElseThrow();

        assertThat(parameters.sqlParam("customer")).contains(new SqlParam.TextParam("' OR '1'='1"));
        assertThat(parameters.sqlParam("status")).contains(new SqlParam.TextArrayParam(List.of("$$", "'||pg_sleep(5)||'")));
    }

    // ---------------------------------------------------------------- required filters (dashboard definition)

    static final FilterDefinition AS_OF = aDateFilter("as_of").required().build();
    static final FilterDefinition COUNTRY = aSelect("country").required().withStaticOptions("fr", "de").withDefault("fr").build();
    static final List<FilterDefinition> WITH_REQUIRED = List.of(AS_OF, COUNTRY);

    static Stream<ResolveCase> requiredFilters() {
        return Stream.of(
                when("required filter omitted without default is refused with INVALID_PARAMETER").on(WITH_REQUIRED)
                        .isRefused(INVALID_PARAMETER, "filter_slug", "as_of", "reason", "required"),
                when("required filter sent blank is refused with INVALID_PARAMETER").on(WITH_REQUIRED)
                        .sends("as_of", EMPTY_STRING)
                        .isRefused(INVALID_PARAMETER, "filter_slug", "as_of", "reason", "required"),
                when("required filter sent is used").on(WITH_REQUIRED)
                        .sends("as_of", str("2025-06-01")).gives("as_of", date("2025-06-01")),
                when("required filter omitted with a default is the default").on(WITH_REQUIRED)
                        .sends("as_of", str("2025-06-01")).gives("country", text("fr")),
                when("required filter omitted under a fixed policy is the fixed value").on(WITH_REQUIRED)
                        .under(sharing(fixed(AS_OF, "2025-02-02"))).gives("as_of", date("2025-02-02")),
                when("required filter omitted under a selectable policy is the first allowed value").on(WITH_REQUIRED)
                        .under(sharing(selectable(AS_OF, "2025-03-03", "2025-04-04"))).gives("as_of", date("2025-03-03")),
                when("required filter disabled without default can never be satisfied").on(WITH_REQUIRED)
                        .under(sharing(disabled(AS_OF)))
                        .isRefused(INVALID_PARAMETER, "filter_slug", "as_of", "reason", "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void requiredFilters(ResolveCase row) {
        row.check();
    }

    // ---------------------------------------------------------------- policy out of date

    /** The share's policy was written when {@code region} was a select; the dashboard now has it as text. */
    static final FilterDefinition REGION_NOW_TEXT = FilterBuilder.aTextFilter("region").build();
    static final List<FilterDefinition> CHANGED_DASHBOARD = List.of(PERIOD_START, REGION_NOW_TEXT);

    static Stream<ResolveCase> policyOutOfDate() {
        return Stream.of(
                when("policy kind no longer matching the dashboard is refused even when the filter is omitted")
                        .on(CHANGED_DASHBOARD).under(sharing(fixed(REGION, "north")))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region", "reason", "policy_out_of_date"),
                when("selectable policy kind no longer matching the dashboard refuses a sent value")
                        .on(CHANGED_DASHBOARD).under(sharing(selectable(REGION, "north")))
                        .sends("region", str("north"))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region", "reason", "policy_out_of_date"),
                when("disabled policy kind no longer matching the dashboard is refused")
                        .on(CHANGED_DASHBOARD).under(sharing(disabled(REGION)))
                        .isRefused(SHARE_FILTER_POLICY_VIOLATION, "filter_slug", "region", "reason", "policy_out_of_date"),
                when("a policy for a filter the dashboard dropped is ignored")
                        .on(List.of(PERIOD_START)).under(sharing(fixed(REGION, "north")))
                        .gives("period_start", date("2025-01-01")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void policyOutOfDate(ResolveCase row) {
        row.check();
    }

    @Test
    void policy_out_of_date_is_refused_by_every_entry_point() {
        AccessRules rules = sharing(selectable(REGION, "north"));

        assertRefused(() -> FilterResolver.visibleFilters(CHANGED_DASHBOARD, rules).orElseThrow())
                .hasCode(SHARE_FILTER_POLICY_VIOLATION).hasDetails("filter_slug", "region", "reason", "policy_out_of_date");
        assertRefused(() -> FilterResolver.optionsPlan(REGION_NOW_TEXT, rules).orElseThrow())
                .hasCode(SHARE_FILTER_POLICY_VIOLATION).hasDetails("filter_slug", "region", "reason", "policy_out_of_date");
        assertRefused(() -> FilterResolver.omittedValues(CHANGED_DASHBOARD, rules).orElseThrow())
                .hasCode(SHARE_FILTER_POLICY_VIOLATION).hasDetails("filter_slug", "region", "reason", "policy_out_of_date");
    }

    // ---------------------------------------------------------------- whole results

    @Test
    void effective_parameters_are_defaults_then_rules_then_viewer_values() {
        AccessRules rules = sharing(fixed(REGION, "east"), selectable(STATUS, "Active", "Pending"), disabled(CHANNEL));

        EffectiveParameters parameters = FilterResolver.resolve(FILTERS, rules,
                Map.of("period_end", str("2025-06-30"), "status", arr("Pending"))).orElseThrow();

        assertThat(parameters.values()).containsExactly(
                Map.entry(new FilterSlug("period_start"), date("2025-01-01")),
                Map.entry(new FilterSlug("period_end"), date("2025-06-30")),
                Map.entry(new FilterSlug("status"), list("Pending")),
                Map.entry(new FilterSlug("region"), text("east")),
                Map.entry(new FilterSlug("channel"), text("web")),
                Map.entry(new FilterSlug("tags"), list("a")));
    }

    @Test
    void unknown_slug_is_reported_before_any_other_problem() {
        assertRefused(() -> FilterResolver.resolve(FILTERS, sharing(disabled(REGION)),
                new java.util.TreeMap<>(Map.of("region", str("north"), "zzz", str("x")))).orElseThrow())
                .hasCode(SHARE_FILTER_POLICY_VIOLATION).hasDetail("reason", "unknown_filter");
    }

    @Test
    void refusal_messages_never_echo_the_viewer_value() {
        assertRefused(() -> FilterResolver.resolve(FILTERS, SELECTABLE, Map.of("region", str("secret' OR 1=1"))).orElseThrow())
                .messageDoesNotContain("secret");
        assertRefused(() -> FilterResolver.resolve(FILTERS, AccessRules.UNRESTRICTED, Map.of("min_amount", str("secret"))).orElseThrow())
                .messageDoesNotContain("secret");
    }
}
