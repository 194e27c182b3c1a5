package io.dashshare.domain.portal;

import io.dashshare.domain.error.InvalidValueException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An 8-digit one-time code, shown as {@code 1234-5678}. Accepted with or without the dash and
 * with surrounding whitespace trimmed; only ASCII digits count (no full-width look-alikes).
 */
public final class OneTimeCode {

    public static final int SPACE = 100_000_000;
    private static final Pattern ACCEPTED = Pattern.compile("([0-9]{4})-?([0-9]{4})");

    private final String digits;

    private OneTimeCode(String digits) {
        this.digits = digits;
    }

    /** {@code uniform} must be drawn uniformly from [0, 10^8) by a CSPRNG. */
    public static OneTimeCode fromUniform(int uniform) {
        if (uniform < 0 || uniform >= SPACE) {
            throw new IllegalArgumentException("out of range");
        }
        return new OneTimeCode(String.format("%08d", uniform));
    }

    public static Optional<OneTimeCode> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = ACCEPTED.matcher(presented.strip());
        return m.matches() ? Optional.of(new OneTimeCode(m.group(1) + m.group(2))) : Optional.empty();
    }

    /** Parses a field of a request, refusing a wrong shape as {@link InvalidValueException} naming the field. */
    public static OneTimeCode parseField(String field, String presented) {
        return parse(presented).orElseThrow(() ->
                new InvalidValueException(field, "must be 8 digits, optionally written 1234-5678"));
    }

    /** The eight digits, as hashed. */
    public String digits() {
        return digits;
    }

    public String display() {
        return digits.substring(0, 4) + "-" + digits.substring(4);
    }

    /** Equal digits; production compares codes only through their keyed hashes, never with this. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OneTimeCode other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "OneTimeCode[redacted]";
    }
}
