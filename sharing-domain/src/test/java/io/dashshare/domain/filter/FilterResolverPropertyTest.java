package io.dashshare.domain.filter;

import io.dashshare.domain.testing.Policies;
import static io.dashshare.domain.filter.Fixture.DASHBOARD;
import static io.dashshare.domain.filter.Fixture.FILTERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.embed.EmbedClaims;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.filter.Generators.EmbedToken;
import io.dashshare.domain.testing.EmbedClaimsBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * docs/filters.md "a policy can never be widened by the viewer", as properties: whatever the viewer
 * sends (any JSON shape, blanks, hostile strings, unknown keys), the result is either a refusal
 * with one of the filter error codes, or effective values that are all within the rules.
 */
// The generators weight blanks, hostile strings and boundary values themselves; jqwik's own
// edge-case combinations of nine filters would cost seconds and add little.
@PropertyDefaults(edgeCases = EdgeCasesMode.NONE)
class FilterResolverPropertyTest {

    private static final Set<ErrorCode> FILTER_CODES = EnumSet.of(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
            ErrorCode.FILTER_DISABLED_BY_POLICY, ErrorCode.INVALID_PARAMETER);

    @Provide
    Arbitrary<List<FilterPolicy>> policies() {
        return Generators.sharePolicies();
    }

    @Provide
    Arbitrary<Map<String, RawValue>> viewer() {
        return Generators.viewerMaps();
    }

    @Provide
    Arbitrary<EmbedToken> tokens() {
        return Generators.embedTokens();
    }

    // ------------------------------------------------------------ share policies

    @Property(tries = 1000)
    void share_policies_are_never_widened_by_any_viewer_input(@ForAll("policies") List<FilterPolicy> policies,
                                                               @ForAll("viewer") Map<String, RawValue> anyViewer,
                                                               @ForAll boolean leavesDisabledFiltersAlone) {
        AccessRules rules = AccessRules.SharePolicies.of(policies);
        Map<String, FilterPolicy> bySlug = new LinkedHashMap<>();
        policies.forEach(p -> bySlug.put(p.filterSlug().value(), p));
        // Half the viewers do not touch disabled filters, so that resolved values get checked more often.
        Map<String, RawValue> viewer = new LinkedHashMap<>(anyViewer);
        if (leavesDisabledFiltersAlone) {
            viewer.keySet().removeIf(slug -> bySlug.containsKey(slug) && bySlug.get(slug).mode() == PolicyMode.DISABLED);
        }

        EffectiveParameters parameters;
        try {
            parameters = FilterResolver.resolve(FILTERS, rules, viewer).orElseThrow();
        } catch (SharingException refused) {
            assertRefusalIsExplained(refused, viewer, slug -> {
                FilterPolicy policy = bySlug.get(slug);
                return policy != null && policy.mode() == PolicyMode.DISABLED;
            });
            Statistics.label("outcome").collect("refused " + refused.code());
            return;
        }
        Statistics.label("outcome").collect("resolved");

        for (FilterDefinition filter : FILTERS) {
            String slug = filter.slug().value();
            Optional<FilterValue> value = parameters.get(filter.slug());
            FilterPolicy policy = bySlug.get(slug);
            assertBindable(parameters, filter);
            if (policy == null) {
                assertFreeValue(filter, value, viewer);
                continue;
            }
            switch (policy.mode()) {
                case SELECTABLE -> {
                    assertThat(value).as("selectable %s is never unrestricted", slug).isPresent();
                    assertThat(value.get().elements()).as("selectable %s elements", slug)
                            .allMatch(policy::allows);
                    if (filter.kind() == FilterKind.MULTI_SELECT && !sentNonBlank(viewer, slug)) {
                        assertThat(value.get().elements()).as("omitted multi_select %s = all allowed", slug)
                                .containsExactlyElementsOf(policy.allowedValues().stream()
                                        .map(v -> v.elements().get(0)).toList());
                    }
                }
                case FIXED -> assertThat(value).as("fixed %s", slug).isEqualTo(policy.value());
                case DISABLED -> {
                    assertThat(viewer).as("disabled %s was sent but resolved", slug).doesNotContainKey(slug);
                    assertThat(value).as("disabled %s", slug).isEqualTo(filter.defaultValue());
                }
            }
        }
    }

    @Property(tries = 500)
    void share_options_and_listings_never_offer_more_than_the_policy(@ForAll("policies") List<FilterPolicy> policies) {
        AccessRules rules = AccessRules.SharePolicies.of(policies);
        Map<String, FilterPolicy> bySlug = new LinkedHashMap<>();
        policies.forEach(p -> bySlug.put(p.filterSlug().value(), p));
        EffectiveParameters omitted = FilterResolver.omittedValues(FILTERS, rules).orElseThrow();
        List<ViewerFilter> visible = FilterResolver.visibleFilters(FILTERS, rules).orElseThrow();

        for (FilterDefinition filter : FILTERS) {
            FilterPolicy policy = bySlug.get(filter.slug().value());
            Optional<FilterValue> value = omitted.get(filter.slug());
            Optional<ViewerFilter> listed = visible.stream().filter(v -> v.definition().equals(filter)).findFirst();
            if (policy == null) {
                assertThat(value).isEqualTo(filter.defaultValue());
                assertThat(listed).hasValueSatisfying(v -> assertThat(v.mode()).isEqualTo(ViewerFilter.ViewerMode.FREE));
                continue;
            }
            switch (policy.mode()) {
                case SELECTABLE -> {
                    assertThat(value).hasValueSatisfying(v -> assertThat(v.elements()).allMatch(policy::allows));
                    assertThat(listed).hasValueSatisfying(v -> assertThat(v.allowedValues())
                            .extracting(FilterOption::value).allMatch(policy::allows));
                    OptionsPlan plan = FilterResolver.optionsPlan(filter, rules).orElseThrow();
                    assertThat(plan).isInstanceOfSatisfying(OptionsPlan.Listed.class, l -> {
                        assertThat(l.source()).isEqualTo(OptionsSource.POLICY);
                        assertThat(l.options()).extracting(FilterOption::value).allMatch(policy::allows);
                    });
                }
                case FIXED -> {
                    assertThat(value).isEqualTo(policy.value());
                    assertThat(listed).hasValueSatisfying(v -> assertThat(v.allowedValues())
                            .extracting(FilterOption::value).containsExactlyElementsOf(policy.value().get().elements()));
                    OptionsPlan plan = FilterResolver.optionsPlan(filter, rules).orElseThrow();
                    assertThat(plan).isInstanceOfSatisfying(OptionsPlan.Listed.class, l -> assertThat(l.options())
                            .extracting(FilterOption::value).containsExactlyElementsOf(policy.value().get().elements()));
                }
                case DISABLED -> {
                    assertThat(value).isEqualTo(filter.defaultValue());
                    assertThat(listed).isEmpty();
                    assertThat(refusalOf(() -> FilterResolver.optionsPlan(filter, rules).orElseThrow()).code())
                            .isEqualTo(ErrorCode.FILTER_DISABLED_BY_POLICY);
                }
            }
        }
    }

    // ------------------------------------------------------------ embed tokens

    @Property(tries = 1000)
    void embed_params_are_never_widened_by_any_viewer_input(@ForAll("tokens") EmbedToken token,
                                                            @ForAll("viewer") Map<String, RawValue> anyViewer,
                                                            @ForAll boolean sendsOnlyAllowedParams) {
        // Half the viewers play by the token's rules, so that resolved values get checked too.
        Map<String, RawValue> viewer = new LinkedHashMap<>(anyViewer);
        if (sendsOnlyAllowedParams) {
            viewer.keySet().retainAll(token.allowed());
        }
        EmbedClaims claims = EmbedClaimsBuilder.anEmbedToken()
                .allowing(token.allowed().toArray(String[]::new))
                .requiring(token.required().toArray(String[]::new))
                .build();
        EmbedClaims withFixed = new EmbedClaims(claims.company(), claims.dashboardId(), claims.allowedParams(),
                claims.requiredParams(), token.fixed(), claims.issuedAt(), claims.notBefore(), claims.expiresAt(),
                claims.jti());
        AccessRules tokenRules = withFixed.rulesFor(DASHBOARD);
        if (tokenRules.refusal().isPresent()) {
            Rejection invalidToken = tokenRules.refusal().get();
            assertThat(invalidToken.code()).isEqualTo(ErrorCode.SHARE_FILTER_POLICY_VIOLATION);
            assertThat(invalidToken.details()).containsEntry("reason", "fixed_param_invalid");
            assertThat(FilterResolver.resolve(FILTERS, tokenRules, viewer)).isInstanceOf(Resolution.Refused.class);
            Statistics.label("outcome").collect("token refused");
            return;
        }
        AccessRules.EmbedParams rules = (AccessRules.EmbedParams) tokenRules;
        assertThat(rules.fixed().keySet()).extracting(FilterSlug::value).containsExactlyInAnyOrderElementsOf(token.fixed().keySet());

        EffectiveParameters parameters;
        try {
            parameters = FilterResolver.resolve(FILTERS, rules, viewer).orElseThrow();
        } catch (SharingException refused) {
            assertRefusalIsExplained(refused, viewer, slug -> !token.allowed().contains(slug));
            Statistics.label("outcome").collect("refused " + refused.code());
            return;
        }
        Statistics.label("outcome").collect("resolved");

        for (FilterDefinition filter : FILTERS) {
            String slug = filter.slug().value();
            Optional<FilterValue> value = parameters.get(filter.slug());
            assertBindable(parameters, filter);
            FilterValue fixed = rules.fixed().get(filter.slug());
            boolean allowed = token.allowed().contains(slug);
            if (fixed != null) {
                assertThat(value).as("embed fixed %s is exactly the token value", slug).contains(fixed);
                if (!allowed) {
                    assertThat(viewer).as("fixed, not allowed %s was sent", slug).doesNotContainKey(slug);
                }
            } else if (!allowed) {
                assertThat(viewer).as("not allowed %s was sent", slug).doesNotContainKey(slug);
                assertThat(value).as("not allowed %s", slug).isEqualTo(filter.defaultValue());
            } else {
                assertFreeValue(filter, value, viewer);
            }
            if (token.required().contains(slug) && fixed == null) {
                assertThat(sentNonBlank(viewer, slug)).as("required %s resolved without a value", slug).isTrue();
            }
        }
    }

    // ------------------------------------------------------------ determinism and cache keys

    @Property(tries = 500)
    void resolution_is_deterministic_and_independent_of_parameter_order(
            @ForAll("policies") List<FilterPolicy> policies, @ForAll("viewer") Map<String, RawValue> viewer) {
        AccessRules rules = AccessRules.SharePolicies.of(policies);
        List<Map.Entry<String, RawValue>> entries = new ArrayList<>(viewer.entrySet());
        Collections.reverse(entries);
        Map<String, RawValue> reversed = new LinkedHashMap<>();
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));

        Object first = outcome(() -> FilterResolver.resolve(FILTERS, rules, viewer).orElseThrow());
        Object again = outcome(() -> FilterResolver.resolve(FILTERS, AccessRules.SharePolicies.of(policies), viewer).orElseThrow());
        Object reordered = outcome(() -> FilterResolver.resolve(FILTERS, rules, reversed).orElseThrow());

        assertThat(again).isEqualTo(first);
        assertThat(reordered).isEqualTo(first);
    }

    /** The values, or the refusal's code and details: what two runs must agree on. */
    private static Object outcome(Supplier<EffectiveParameters> resolution) {
        try {
            EffectiveParameters parameters = resolution.get();
            return List.of(parameters.values(), parameters.canonicalKey());
        } catch (SharingException refused) {
            return List.of(refused.code(), refused.details());
        }
    }

    @Provide
    Arbitrary<Map<FilterSlug, FilterValue>> typedValues() {
        // Few, confusable elements, so that equal and nearly equal maps both come up often.
        Arbitrary<String> element = Arbitraries.of("", "a", "b", "1:a", "a;", "=", "]", "[", "-", ";b=", "1", "01",
                "a,b", "north");
        List<Arbitrary<Optional<FilterValue>>> perFilter = new ArrayList<>();
        for (FilterDefinition filter : FILTERS) {
            Arbitrary<FilterValue> value = switch (filter.kind()) {
                case DATE -> Arbitraries.of("2025-01-01", "2025-01-02").map(d -> new FilterValue.DateValue(java.time.LocalDate.parse(d)));
                case NUMBER -> Arbitraries.of("1", "1.0", "10", "1E+1", "0.1", "-1", "0")
                        .map(n -> new FilterValue.NumberValue(new java.math.BigDecimal(n)));
                case TEXT, SELECT -> element.map(FilterValue.TextValue::new);
                case MULTI_SELECT -> element.list().ofMinSize(1).ofMaxSize(3).map(FilterValue.TextList::new);
            };
            perFilter.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.<FilterValue>empty())),
                    Tuple.of(2, value.map(Optional::of))));
        }
        return Combinators.combine(perFilter).as(values -> {
            Map<FilterSlug, FilterValue> map = new LinkedHashMap<>();
            for (int i = 0; i < FILTERS.size(); i++) {
                FilterSlug slug = FILTERS.get(i).slug();
                values.get(i).ifPresent(v -> map.put(slug, v));
            }
            return map;
        });
    }

    /** Pairs of value maps that differ in few filters, or none: near misses are where key collisions hide. */
    @Provide
    Arbitrary<Tuple.Tuple2<Map<FilterSlug, FilterValue>, Map<FilterSlug, FilterValue>>> similarValues() {
        Arbitrary<List<Boolean>> changed = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)),
                Tuple.of(12, Arbitraries.just(false))).list().ofSize(FILTERS.size());
        return Combinators.combine(typedValues(), typedValues(), changed).as((a, other, mask) -> {
            Map<FilterSlug, FilterValue> b = new LinkedHashMap<>(a);
            for (int i = 0; i < FILTERS.size(); i++) {
                if (mask.get(i)) {
                    FilterSlug slug = FILTERS.get(i).slug();
                    b.remove(slug);
                    if (other.containsKey(slug)) {
                        b.put(slug, other.get(slug));
                    }
                }
            }
            return Tuple.of(a, b);
        });
    }

    @Property(tries = 2000)
    void canonical_key_differs_whenever_effective_values_differ(
            @ForAll("similarValues") Tuple.Tuple2<Map<FilterSlug, FilterValue>, Map<FilterSlug, FilterValue>> pair) {
        Map<FilterSlug, FilterValue> a = pair.get1();
        Map<FilterSlug, FilterValue> b = pair.get2();
        EffectiveParameters left = new EffectiveParameters(FILTERS, a);
        EffectiveParameters right = new EffectiveParameters(FILTERS, b);

        Statistics.label("equal").collect(a.equals(b));
        assertThat(left.canonicalKey().equals(right.canonicalKey())).as("%s vs %s", a, b).isEqualTo(a.equals(b));
        assertThat(left.equals(right)).isEqualTo(a.equals(b));
    }

    @Property(tries = 500)
    void resolved_cache_keys_differ_whenever_resolved_values_differ(@ForAll("policies") List<FilterPolicy> policies,
                                                                     @ForAll("viewer") Map<String, RawValue> one,
                                                                     @ForAll("viewer") Map<String, RawValue> other) {
        AccessRules rules = AccessRules.SharePolicies.of(policies);
        EffectiveParameters left;
        EffectiveParameters right;
        try {
            left = FilterResolver.resolve(FILTERS, rules, one).orElseThrow();
            right = FilterResolver.resolve(FILTERS, rules, other).orElseThrow();
        } catch (SharingException refused) {
            return;
        }
        assertThat(left.canonicalKey().equals(right.canonicalKey())).isEqualTo(left.values().equals(right.values()));
    }

    // ------------------------------------------------------------ helpers

    /** A refusal carries a filter code and names the filter; a 403 only for a filter the rules shut. */
    private static void assertRefusalIsExplained(SharingException refused, Map<String, RawValue> viewer,
                                                 java.util.function.Predicate<String> shut) {
        assertThat(refused.code()).as(refused.getMessage()).isIn(FILTER_CODES);
        assertThat(refused.details()).containsKey("filter_slug");
        String slug = (String) refused.details().get("filter_slug");
        if (refused.code() == ErrorCode.FILTER_DISABLED_BY_POLICY) {
            assertThat(viewer).as("403 names a filter that was sent").containsKey(slug);
            assertThat(shut.test(slug)).as("403 names a filter the rules shut: %s", slug).isTrue();
        } else {
            assertThat(refused.details()).containsKey("reason");
        }
    }

    /** A free filter holds a valid value of its kind, from the viewer or the default. */
    private static void assertFreeValue(FilterDefinition filter, Optional<FilterValue> value, Map<String, RawValue> viewer) {
        String slug = filter.slug().value();
        if (!sentNonBlank(viewer, slug)) {
            assertThat(value).as("omitted free %s is its default", slug).isEqualTo(filter.defaultValue());
            return;
        }
        assertThat(value).as("free %s", slug).hasValueSatisfying(v -> {
            assertThat(filter.kind().accepts(v)).isTrue();
            assertThat(filter.isOffered(v)).as("static options of %s", slug).isTrue();
            assertThat(v.elements()).allSatisfy(e -> assertThat(e).isNotEmpty().doesNotContain("\u0000"));
        });
    }

    /** Every filter binds as the SQL type of its kind (no ClassCastException waiting in execution). */
    private static void assertBindable(EffectiveParameters parameters, FilterDefinition filter) {
        assertThat(parameters.sqlParam(filter.slug().value())).isPresent();
    }

    private static boolean sentNonBlank(Map<String, RawValue> viewer, String slug) {
        RawValue raw = viewer.get(slug);
        return raw != null && !raw.isBlank();
    }

    private static SharingException refusalOf(Runnable call) {
        try {
            call.run();
        } catch (SharingException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
