package io.dashshare.domain.filter;

import io.dashshare.domain.testing.Policies;
import static io.dashshare.domain.filter.Fixture.DASHBOARD;
import static io.dashshare.domain.filter.Fixture.FILTERS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for the filter properties: raw viewer values of every JSON shape (biased toward
 * values a policy allows, blanks and hostile strings), share policies and embed claims on the
 * {@link Fixture} dashboard, and viewer maps with present, absent and unknown keys.
 */
final class Generators {

    static final List<String> HOSTILE = List.of("' OR '1'='1", "%", "_", "\\", "$$", "\\'", "'||pg_sleep(5)||'",
            "1);DROP TABLE t;--", "\u0000", "a\u0000b", "\u001b[0m", ":region", "?", "/*", "--", " ", "\t");

    /** Values each filter's policies are built from: valid for the filter, and often sent by viewers. */
    static final Map<String, List<String>> CANDIDATES = new LinkedHashMap<>();

    static {
        CANDIDATES.put("period_start", List.of("2025-01-01", "2025-07-01", "2025-12-31", "2024-02-29"));
        CANDIDATES.put("period_end", List.of("2025-12-31", "2025-06-30", "2026-01-01"));
        CANDIDATES.put("status", List.of("Active", "Pending", "Closed", "Cancelled", "' OR '1'='1", "%"));
        CANDIDATES.put("region", List.of("north", "south", "east", "west"));
        CANDIDATES.put("min_amount", List.of("10", "20", "0", "-5.5", "1E+50", "1E-50", "2.50"));
        CANDIDATES.put("customer", List.of("acme", "globex", "' OR '1'='1", "%", "$$"));
        CANDIDATES.put("channel", List.of("web", "store", "phone"));
        CANDIDATES.put("tags", List.of("a", "b", "c"));
        CANDIDATES.put("segment", List.of("smb", "enterprise", "%"));
    }

    static final List<String> UNKNOWN_KEYS = List.of("nope", "search", "Region", "region ", "status[]", "");

    private Generators() {
    }

    // ------------------------------------------------------------ raw values

    static Arbitrary<String> strings() {
        List<String> known = new ArrayList<>(HOSTILE);
        CANDIDATES.values().forEach(known::addAll);
        known.addAll(List.of("", "North", "ACTIVE", "2025-13-40", "2025-02-30", "01/02/2025", "1e500", "NaN", "ten",
                "20.0", "2e1", "-0", "1e1"));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(known)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(8)),
                Tuple.of(1, Arbitraries.strings().withChars("0123456789-").ofLength(10)),
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(45)));
    }

    static Arbitrary<BigDecimal> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("10", "20", "2E+1", "20.000", "0", "-5.5", "1E+50", "1E-50", "2.5",
                        "1E+500", "12345678901234567890123456789012345678901").map(BigDecimal::new)),
                Tuple.of(2, Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("1000000"))
                        .ofScale(2)));
    }

    static Arbitrary<RawValue> leaves() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, strings().map(RawValue.Str::new)),
                Tuple.of(3, numbers().map(RawValue.Num::new)),
                Tuple.of(2, Arbitraries.just(RawValue.NULL)),
                Tuple.of(1, Arbitraries.of(true, false).map(RawValue.Bool::new)),
                Tuple.of(1, Arbitraries.just(new RawValue.Obj())));
    }

    /** Any JSON shape, arrays nested up to {@code depth}. */
    static Arbitrary<RawValue> rawValues(int depth) {
        if (depth == 0) {
            return leaves();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(5, leaves()),
                Tuple.of(3, rawValues(depth - 1).list().ofMaxSize(4).map(items -> (RawValue) new RawValue.Arr(items))));
    }

    static Arbitrary<RawValue> rawValues() {
        return rawValues(2);
    }

    /** A value for one filter: often one of its candidates (alone or as a list), else anything. */
    static Arbitrary<RawValue> rawValueFor(FilterDefinition filter) {
        return rawValueFor(filter, 4);
    }

    /** {@code noise}: weight of arbitrary values against 5 for candidates and 1 for blanks. */
    static Arbitrary<RawValue> rawValueFor(FilterDefinition filter, int noise) {
        List<String> candidates = CANDIDATES.get(filter.slug().value());
        Arbitrary<RawValue> one = Arbitraries.of(candidates).map(RawValue.Str::new);
        Arbitrary<RawValue> several = Arbitraries.of(candidates).list().ofMinSize(1).ofMaxSize(4)
                .map(values -> (RawValue) new RawValue.Arr(values.stream().map(v -> (RawValue) new RawValue.Str(v)).toList()));
        Arbitrary<RawValue> blank = Arbitraries.of(RawValue.NULL, new RawValue.Str(""), new RawValue.Arr(List.of()));
        // Without noise, lists go only where lists belong.
        int lists = noise > 0 || filter.kind() == FilterKind.MULTI_SELECT ? 2 : 0;
        return Arbitraries.frequencyOf(Tuple.of(3, one), Tuple.of(lists, several), Tuple.of(1, blank),
                Tuple.of(noise, rawValues()));
    }

    // ------------------------------------------------------------ viewer maps

    /**
     * Per filter: absent, or sent with some value (null included); sometimes an unknown key too.
     * Half the maps are mostly well-formed, so that resolution often succeeds and its values get checked.
     */
    static Arbitrary<Map<String, RawValue>> viewerMaps() {
        return Arbitraries.oneOf(viewerMaps(4, 4), viewerMaps(0, 4), viewerMaps(0, 15));
    }

    /** {@code absent}: weight of leaving a filter out, against 5 for sending it. */
    static Arbitrary<Map<String, RawValue>> viewerMaps(int noise, int absent) {
        List<Arbitrary<Optional<RawValue>>> perFilter = FILTERS.stream()
                .map(f -> Arbitraries.frequencyOf(
                        Tuple.of(absent, Arbitraries.just(Optional.<RawValue>empty())),
                        Tuple.of(5, rawValueFor(f, noise).map(Optional::of))))
                .toList();
        Arbitrary<Optional<String>> unknownKey = Arbitraries.frequencyOf(
                Tuple.of(19, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(1, Arbitraries.of(UNKNOWN_KEYS).map(Optional::of)));
        return Combinators.combine(Combinators.combine(perFilter).as(l -> l), unknownKey, rawValues())
                .as((values, extra, extraValue) -> {
                    Map<String, RawValue> viewer = new LinkedHashMap<>();
                    for (int i = 0; i < FILTERS.size(); i++) {
                        values.get(i).ifPresent(withValue(viewer, FILTERS.get(i).slug().value()));
                    }
                    extra.ifPresent(key -> viewer.put(key, extraValue));
                    return viewer;
                });
    }

    private static java.util.function.Consumer<RawValue> withValue(Map<String, RawValue> viewer, String slug) {
        return value -> viewer.put(slug, value);
    }

    // ------------------------------------------------------------ share policies

    static Arbitrary<Optional<FilterPolicy>> policyFor(FilterDefinition filter) {
        List<String> candidates = CANDIDATES.get(filter.slug().value());
        Arbitrary<FilterPolicy> selectable = Arbitraries.of(candidates).set().ofMinSize(1)
                .map(allowed -> Policies.of(filter, filter.kind(), PolicyMode.SELECTABLE,
                        allowed.stream().map(v -> (RawValue) new RawValue.Str(v)).toList(), null));
        Arbitrary<RawValue> fixedValue = filter.kind() == FilterKind.MULTI_SELECT
                ? Arbitraries.of(candidates).set().ofMinSize(1)
                        .map(vs -> (RawValue) new RawValue.Arr(vs.stream().map(v -> (RawValue) new RawValue.Str(v)).toList()))
                : Arbitraries.of(candidates).map(RawValue.Str::new);
        Arbitrary<FilterPolicy> fixed = fixedValue
                .map(v -> Policies.of(filter, filter.kind(), PolicyMode.FIXED, List.of(), v));
        Arbitrary<FilterPolicy> disabled = Arbitraries.just(
                Policies.of(filter, filter.kind(), PolicyMode.DISABLED, List.of(), null));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Optional.<FilterPolicy>empty())),
                Tuple.of(3, selectable.map(Optional::of)),
                Tuple.of(2, fixed.map(Optional::of)),
                Tuple.of(2, disabled.map(Optional::of)));
    }

    static Arbitrary<List<FilterPolicy>> sharePolicies() {
        return Combinators.combine(FILTERS.stream().map(Generators::policyFor).toList())
                .as(policies -> policies.stream().flatMap(Optional::stream).toList());
    }

    // ------------------------------------------------------------ embed claims

    record EmbedToken(List<String> allowed, List<String> required, Map<String, RawValue> fixed) {
    }

    /** Mostly tokens whose fixed params fit the dashboard, some with arbitrary fixed values. */
    static Arbitrary<EmbedToken> embedTokens() {
        return Arbitraries.frequencyOf(Tuple.of(3, embedTokens(0)), Tuple.of(1, embedTokens(1)));
    }

    static Arbitrary<EmbedToken> embedTokens(int noise) {
        List<String> slugs = Stream.concat(FILTERS.stream().map(f -> f.slug().value()), Stream.of("nope", "search"))
                .toList();
        Arbitrary<List<String>> subsets = Arbitraries.of(slugs).list().ofMaxSize(6).uniqueElements();
        List<Arbitrary<Optional<RawValue>>> fixedPerFilter = FILTERS.stream()
                .map(f -> Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.just(Optional.<RawValue>empty())),
                        Tuple.of(3, rawValueFor(f, 0).filter(v -> !v.isBlank()).map(Optional::of)),
                        Tuple.of(noise, rawValues().map(Optional::of))))
                .toList();
        return Combinators.combine(subsets, subsets, Combinators.combine(fixedPerFilter).as(l -> l))
                .as((allowed, required, fixedValues) -> {
                    Map<String, RawValue> fixed = new LinkedHashMap<>();
                    for (int i = 0; i < FILTERS.size(); i++) {
                        String slug = FILTERS.get(i).slug().value();
                        fixedValues.get(i).ifPresent(v -> fixed.put(slug, v));
                    }
                    return new EmbedToken(allowed, required, fixed);
                });
    }

    static FilterDefinition filter(String slug) {
        return DASHBOARD.filter(slug).orElseThrow();
    }
}
