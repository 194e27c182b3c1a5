package io.dashshare.domain.common;

import io.dashshare.domain.error.InvalidValueException;
/**
 * Checks on free text that ends up in the database or in a page. PostgreSQL cannot store NUL, and no
 * name needs a control character, so both are refused here rather than failing in the database.
 */
public final class Text {

    private Text() {
    }

    /** Non-blank, at most {@code max} characters, no control characters except tab and newline. */
    public static String requireName(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return requireOptional(value, max, field);
    }

    public static String requireOptional(String value, int max, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidValueException(field, "must be at most " + max + " characters");
        }
        if (hasForbiddenControl(value)) {
            throw new InvalidValueException(field, "must not contain control characters");
        }
        return value;
    }

    public static boolean hasForbiddenControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
