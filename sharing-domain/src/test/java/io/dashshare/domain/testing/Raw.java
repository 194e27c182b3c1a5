package io.dashshare.domain.testing;

import io.dashshare.domain.filter.RawValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Short names for raw viewer values, as the HTTP adapter would produce them from JSON. */
public final class Raw {

    public static final RawValue NULL = RawValue.NULL;
    public static final RawValue OBJECT = new RawValue.Obj();
    public static final RawValue EMPTY_STRING = new RawValue.Str("");
    public static final RawValue EMPTY_ARRAY = new RawValue.Arr(List.of());

    private Raw() {
    }

    public static RawValue str(String value) {
        return new RawValue.Str(value);
    }

    public static RawValue num(String value) {
        return new RawValue.Num(new BigDecimal(value));
    }

    public static RawValue bool(boolean value) {
        return new RawValue.Bool(value);
    }

    /** An array of strings. */
    public static RawValue arr(String... values) {
        return new RawValue.Arr(Arrays.stream(values).map(v -> (RawValue) new RawValue.Str(v)).toList());
    }

    /** An array of any raw values (nesting, mixed types). */
    public static RawValue arrOf(RawValue... items) {
        return new RawValue.Arr(List.of(items));
    }
}
