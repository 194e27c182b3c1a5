package io.dashshare.domain.embed;

import static io.dashshare.domain.testing.DashboardBuilder.aDashboardWithEveryFilterKind;
import static io.dashshare.domain.testing.EmbedClaimsBuilder.anEmbedToken;
import static io.dashshare.domain.testing.Raw.EMPTY_ARRAY;
import static io.dashshare.domain.testing.Raw.EMPTY_STRING;
import static io.dashshare.domain.testing.Raw.NULL;
import static io.dashshare.domain.testing.Raw.OBJECT;
import static io.dashshare.domain.testing.Raw.arr;
import static io.dashshare.domain.testing.Raw.num;
import static io.dashshare.domain.testing.Raw.str;
import static io.dashshare.domain.testing.SharingExceptionAssert.assertRefused;
import static io.dashshare.domain.testing.Values.date;
import static io.dashshare.domain.testing.Values.list;
import static io.dashshare.domain.testing.Values.number;
import static io.dashshare.domain.testing.Values.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.RawValue;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EmbedClaimsTest {

    private static final DashboardDefinition DASHBOARD = aDashboardWithEveryFilterKind().definition();

    /** The claims' refusal of every request, thrown as the API answers it. */
    private static void refusal(EmbedClaims claims) {
        throw claims.rulesFor(DASHBOARD).refusal().orElseThrow().toException();
    }

    private static FilterSlug slug(String value) {
        return new FilterSlug(value);
    }

    @Test
    void allowed_and_required_slugs_that_are_no_filter_are_ignored() {
        AccessRules.EmbedParams rules = (AccessRules.EmbedParams) anEmbedToken()
                .allowing("period_start", "nope", "search", "' OR 1=1")
                .requiring("period_start", "ghost").build().rulesFor(DASHBOARD);

        assertThat(rules.allowed()).containsExactly(slug("period_start"));
        assertThat(rules.required()).containsExactly(slug("period_start"));
    }

    @Test
    void fixed_params_are_typed_by_their_filter() {
        AccessRules.EmbedParams rules = (AccessRules.EmbedParams) anEmbedToken()
                .fixing("period_start", "2025-02-01")
                .fixing("min_amount", num("10.50"))
                .fixing("status", arr("Active", "Closed"))
                .fixing("region", "north")
                .build().rulesFor(DASHBOARD);

        assertThat(rules.fixed()).containsOnly(
                Map.entry(slug("period_start"), date("2025-02-01")),
                Map.entry(slug("min_amount"), number("10.5")),
                Map.entry(slug("status"), list("Active", "Closed")),
                Map.entry(slug("region"), text("north")));
    }

    static Stream<Arguments> invalidFixedParams() {
        return Stream.of(
                Arguments.of("a fixed param for no filter", "country", str("fr")),
                Arguments.of("a fixed date that is no date", "period_start", str("2025-13-40")),
                Arguments.of("a fixed number that is text", "min_amount", str("ten")),
                Arguments.of("a fixed object", "customer", OBJECT),
                Arguments.of("a fixed array for a scalar", "region", arr("north")),
                Arguments.of("a fixed null", "region", NULL),
                Arguments.of("a fixed empty string", "customer", EMPTY_STRING),
                Arguments.of("a fixed empty array", "status", EMPTY_ARRAY),
                Arguments.of("a fixed text with a control character", "customer", str("acme\u0000")),
                Arguments.of("a fixed static select value that is no option", "region", str("atlantis")),
                Arguments.of("a fixed static multi_select element that is no option", "tags", arr("a", "z")));
    }

    @ParameterizedTest(name = "{0} is refused with SHARE_FILTER_POLICY_VIOLATION, never dropped")
    @MethodSource
    void invalidFixedParams(String behaviour, String slug, RawValue value) {
        assertRefused(() -> refusal(anEmbedToken().fixing(slug, value).build()))
                .hasCode(ErrorCode.SHARE_FILTER_POLICY_VIOLATION)
                .hasDetails("filter_slug", slug, "reason", "fixed_param_invalid");
    }

    @Test
    void an_overlong_unknown_fixed_slug_is_echoed_truncated() {
        assertRefused(() -> refusal(anEmbedToken().fixing("x".repeat(500), "1").build()))
                .hasDetails("filter_slug", "x".repeat(64), "reason", "fixed_param_invalid");
    }

    @Test
    void a_fixed_value_for_a_dynamic_select_is_any_text() {
        assertThat(((AccessRules.EmbedParams) anEmbedToken().fixing("segment", "smb").build().rulesFor(DASHBOARD)).fixed())
                .containsEntry(slug("segment"), text("smb"));
    }

    @Test
    void the_issuer_is_the_company_slug() {
        assertThat(anEmbedToken().forCompany("acme").build().issuer()).isEqualTo("acme");
    }
}
