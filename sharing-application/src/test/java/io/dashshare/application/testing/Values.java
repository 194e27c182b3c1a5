package io.dashshare.application.testing;

import io.dashshare.application.port.in.PolicyInput;
import io.dashshare.domain.filter.RawValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public static PolicyInput selectable(String slug, String kind, String... allowed) {
        return new PolicyInput(slug, kind, "selectable", Arrays.stream(allowed).map(Values::str).toList(), null);
    }

    public static PolicyInput fixed(String slug, String kind, RawValue value) {
        return new PolicyInput(slug, kind, "fixed", List.of(), value);
    }

    public static PolicyInput disabled(String slug, String kind) {
        return new PolicyInput(slug, kind, "disabled", List.of(), null);
    }
}
