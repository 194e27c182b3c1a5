package io.dashshare.domain.filter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A value exactly as a viewer (or a token, or an owner) sent it, before it is typed by the
 * filter's kind. Adapters turn JSON into this; nothing here is trusted.
 */
public sealed interface RawValue {

    /** {@code null}, {@code ""} and {@code []} all mean "no value": they never lift a restriction. */
    default boolean isBlank() {
        return false;
    }

    String typeName();

    record Str(String value) implements RawValue {
        public Str {
            Objects.requireNonNull(value);
        }

        @Override
        public boolean isBlank() {
            return value.isEmpty();
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    record Num(BigDecimal value) implements RawValue {
        public Num {
            Objects.requireNonNull(value);
        }

        @Override
        public String typeName() {
            return "number";
        }
    }

    record Bool(boolean value) implements RawValue {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    record Null() implements RawValue {
        @Override
        public boolean isBlank() {
            return true;
        }

        @Override
        public String typeName() {
            return "null";
        }
    }

    record Arr(List<RawValue> items) implements RawValue {
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public boolean isBlank() {
            return items.isEmpty();
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /** A JSON object: never an acceptable filter value, whatever it holds. */
    record Obj() implements RawValue {
        @Override
        public String typeName() {
            return "object";
        }
    }

    RawValue NULL = new Null();

    static RawValue of(String value) {
        return value == null ? NULL : new Str(value);
    }
}
