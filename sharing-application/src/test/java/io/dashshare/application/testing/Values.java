package io.dashshare.application.testing;

import io.dashshare.application.port.in.EmbedRequest;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.PolicyDraft;
import io.dashshare.domain.filter.PolicyMode;
import io.dashshare.domain.filter.RawValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Short ways to write what a viewer or an owner sends. */
public final class Values {

    private Values() {
    }

    public static RawValue str(String value) {
        return new RawValue.Str(value);
    }

    public static RawValue arr(String... values) {
        return new RawValue.Arr(Arrays.stream(values).map(v -> (RawValue) new RawValue.Str(v)).toList());
    }

    /** Pairs of slug and value: {@code params("status", arr("Active"), "region", str("north"))}. */
    public static Map<String, RawValue> params(Object... pairs) {
        Map<String, RawValue> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (RawValue) pairs[i + 1]);
        }
        return map;
    }

    public static PolicyDraft selectable(String slug, String kind, String... allowed) {
        return draft(slug, kind, PolicyMode.SELECTABLE, Arrays.stream(allowed).map(Values::str).toList(), null);
    }

    public static PolicyDraft fixed(String slug, String kind, RawValue value) {
        return draft(slug, kind, PolicyMode.FIXED, List.of(), value);
    }

    public static PolicyDraft disabled(String slug, String kind) {
        return draft(slug, kind, PolicyMode.DISABLED, List.of(), null);
    }

    /** An embed mint request as the adapter would parse it from the guide's body. */
    public static EmbedRequest embedRequest(List<String> allowed, List<String> required, Map<String, RawValue> fixed,
                                            Optional<Long> expiresInSeconds) {
        Map<FilterSlug, RawValue> typedFixed = new LinkedHashMap<>();
        fixed.forEach((slug, value) -> typedFixed.put(new FilterSlug(slug), value));
        return new EmbedRequest(allowed.stream().map(FilterSlug::new).toList(),
                required.stream().map(FilterSlug::new).toList(), typedFixed,
                expiresInSeconds.map(Duration::ofSeconds));
    }

    public static PolicyDraft draft(String slug, String kind, PolicyMode mode, List<RawValue> allowed, RawValue value) {
        return new PolicyDraft(new FilterSlug(slug), Optional.ofNullable(kind).map(k -> FilterKind.fromWire(k).orElseThrow()),
                mode, allowed, Optional.ofNullable(value));
    }
}
