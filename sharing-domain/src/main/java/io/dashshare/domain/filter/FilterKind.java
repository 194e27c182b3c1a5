package io.dashshare.domain.filter;

import io.dashshare.domain.common.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The kinds of filter and how each turns a raw value into a typed one. */
public enum FilterKind {
    DATE, NUMBER, TEXT, SELECT, MULTI_SELECT;

    public static final int MAX_TEXT_LENGTH = 1000;
    public static final int MAX_LIST_SIZE = 1000;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,38}(\\.\\d{1,38})?([eE][+-]?\\d{1,3})?");

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FilterKind> fromWire(String wire) {
        for (FilterKind kind : values()) {
            if (kind.wire().equals(wire)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public boolean hasOptions() {
        return this == SELECT || this == MULTI_SELECT;
    }

    /**
     * Types a non-blank raw value. A multi_select takes an array of strings, or one string as a
     * list of one. Throws {@link UnfitValueException} with a reason fit for the viewer.
     */
    public FilterValue parse(RawValue raw) {
        if (this == MULTI_SELECT) {
            if (raw instanceof RawValue.Arr arr) {
                if (arr.items().isEmpty()) {
                    throw new UnfitValueException("empty", "empty list");
                }
                if (arr.items().size() > MAX_LIST_SIZE) {
                    throw new UnfitValueException("too_many_values", "at most " + MAX_LIST_SIZE + " values");
                }
                List<String> values = new ArrayList<>();
                for (RawValue item : arr.items()) {
                    values.add(parseText(item));
                }
                return new FilterValue.TextList(values);
            }
            return new FilterValue.TextList(List.of(parseText(raw)));
        }
        return parseElement(raw);
    }

    /** Types one element: a scalar value, or one element of a multi_select. */
    public FilterValue parseElement(RawValue raw) {
        return switch (this) {
            case DATE -> new FilterValue.DateValue(parseDate(raw));
            case NUMBER -> new FilterValue.NumberValue(parseNumber(raw));
            case TEXT, SELECT, MULTI_SELECT -> new FilterValue.TextValue(parseText(raw));
        };
    }

    /** Whether a typed value has the shape this kind produces (used on stored defaults and fixed values). */
    public boolean accepts(FilterValue value) {
        return switch (this) {
            case DATE -> value instanceof FilterValue.DateValue;
            case NUMBER -> value instanceof FilterValue.NumberValue;
            case TEXT, SELECT -> value instanceof FilterValue.TextValue;
            case MULTI_SELECT -> value instanceof FilterValue.TextList;
        };
    }

    private static LocalDate parseDate(RawValue raw) {
        if (raw instanceof RawValue.Str s && ISO_DATE.matcher(s.value()).matches()) {
            try {
                return LocalDate.parse(s.value());
            } catch (DateTimeParseException e) {
                throw new UnfitValueException("invalid_date", "not a valid calendar date");
            }
        }
        throw new UnfitValueException("wrong_type", "expected a date as YYYY-MM-DD, got " + describe(raw));
    }

    private static BigDecimal parseNumber(RawValue raw) {
        if (raw instanceof RawValue.Num n) {
            return checkMagnitude(n.value());
        }
        if (raw instanceof RawValue.Str s && DECIMAL.matcher(s.value()).matches()) {
            return checkMagnitude(new BigDecimal(s.value()));
        }
        throw new UnfitValueException("wrong_type", "expected a number, got " + describe(raw));
    }

    private static BigDecimal checkMagnitude(BigDecimal value) {
        if (value.precision() > 38 || Math.abs(value.scale()) > 100) {
            throw new UnfitValueException("out_of_range", "number out of range");
        }
        return value;
    }

    private static String parseText(RawValue raw) {
        if (!(raw instanceof RawValue.Str s)) {
            throw new UnfitValueException("wrong_type", "expected a string, got " + describe(raw));
        }
        String value = s.value();
        if (value.isEmpty()) {
            throw new UnfitValueException("empty", "empty string");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new UnfitValueException("too_long", "longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (Text.hasForbiddenControl(value)) {
            throw new UnfitValueException("control_characters", "contains control characters");
        }
        return value;
    }

    private static String describe(RawValue raw) {
        return raw.typeName();
    }

    /**
     * A raw value that does not fit the kind: {@link #reason} is a stable, machine-readable code
     * ({@code wrong_type}, {@code invalid_date}, {@code out_of_range}, {@code empty},
     * {@code too_long}, {@code control_characters}, {@code too_many_values}); the message is
     * safe to show to a viewer.
     */
    public static final class UnfitValueException extends RuntimeException {

        private final String reason;

        public UnfitValueException(String reason, String message) {
            super(message, null);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
