package io.dashshare.domain.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** A value typed by its filter's kind. Values compare by content (numbers by magnitude). */
public sealed interface FilterValue {

    /** The single values this value is made of: one for scalars, each element for a list. */
    List<String> elements();

    RawValue toRaw();

    record DateValue(LocalDate value) implements FilterValue {
        public DateValue {
            Objects.requireNonNull(value);
        }

        @Override
        public List<String> elements() {
            return List.of(value.toString());
        }

        @Override
        public RawValue toRaw() {
            return new RawValue.Str(value.toString());
        }
    }

    record NumberValue(BigDecimal value) implements FilterValue {
        public NumberValue {
            Objects.requireNonNull(value);
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        @Override
        public List<String> elements() {
            return List.of(value.toPlainString());
        }

        @Override
        public RawValue toRaw() {
            return new RawValue.Num(value);
        }
    }

    /** Text and single-select values. */
    record TextValue(String value) implements FilterValue {
        public TextValue {
            Objects.requireNonNull(value);
        }

        @Override
        public List<String> elements() {
            return List.of(value);
        }

        @Override
        public RawValue toRaw() {
            return new RawValue.Str(value);
        }
    }

    /** Multi-select values: distinct, in the order given, never empty. */
    record TextList(List<String> values) implements FilterValue {
        public TextList {
            values = List.copyOf(new LinkedHashSet<>(values));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a multi_select value needs at least one element");
            }
        }

        @Override
        public List<String> elements() {
            return values;
        }

        @Override
        public RawValue toRaw() {
            List<RawValue> items = new ArrayList<>();
            values.forEach(v -> items.add(new RawValue.Str(v)));
            return new RawValue.Arr(items);
        }

        /** Same elements regardless of order. */
        public boolean sameSetAs(TextList other) {
            return new LinkedHashSet<>(values).equals(new LinkedHashSet<>(other.values));
        }
    }
}
