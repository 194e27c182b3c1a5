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

    /**
     * A value of a parsed JSON document in plain Java ({@code String}, {@code Number},
     * {@code Boolean}, {@code List}, {@code Map}, {@code null}), such as the claims of a token. An
     * object keeps no content: it is never a filter value, whatever it holds.
     */
    static RawValue fromPlain(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String s) {
            return new Str(s);
        }
        if (value instanceof Boolean b) {
            return new Bool(b);
        }
        if (value instanceof BigDecimal d) {
            return new Num(d);
        }
        if (value instanceof Number n) {
            return new Num(new BigDecimal(n.toString()));
        }
        if (value instanceof List<?> list) {
            return new Arr(list.stream().map(RawValue::fromPlain).toList());
        }
        return new Obj();
    }

    /** Back to plain Java ({@link #fromPlain}'s types); an object has no plain form and is refused. */
    default Object toPlain() {
        if (this instanceof Str s) {
            return s.value();
        }
        if (this instanceof Num n) {
            return n.value();
        }
        if (this instanceof Bool b) {
            return b.value();
        }
        if (this instanceof Arr a) {
            return a.items().stream().map(RawValue::toPlain).collect(java.util.stream.Collectors.toList());
        }
        if (this instanceof Null) {
            return null;
        }
        throw new IllegalStateException("objects are never parameter values");
    }
}
