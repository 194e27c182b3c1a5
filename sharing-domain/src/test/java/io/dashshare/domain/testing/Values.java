package io.dashshare.domain.testing;

import io.dashshare.domain.filter.FilterValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Short names for typed filter values, for expected effective parameters. */
public final class Values {

    private Values() {
    }

    public static FilterValue date(String iso) {
        return new FilterValue.DateValue(LocalDate.parse(iso));
    }

    public static FilterValue number(String decimal) {
        return new FilterValue.NumberValue(new BigDecimal(decimal));
    }

    public static FilterValue text(String value) {
        return new FilterValue.TextValue(value);
    }

    public static FilterValue list(String... values) {
        return new FilterValue.TextList(List.of(values));
    }
}
