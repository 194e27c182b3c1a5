package io.dashshare.adapter.http.json;

import io.dashshare.domain.error.InvalidValueException;
import java.util.List;
import java.util.Map;

/**
 * Text PostgreSQL cannot store, refused at the member that holds it, for every body (docs/api.md,
 * request bodies): a NUL character in any string or member name, and an unpaired surrogate (text
 * that is not Unicode, which the driver would store as {@code ?}) anywhere. Filter values
 * ({@link io.dashshare.domain.filter.RawValue}) and the slugs that name them keep their NUL for the
 * filter rules, which answer it as {@code INVALID_PARAMETER} {@code control_characters} or an
 * unknown filter (docs/filters.md).
 */
public final class StorableText {

    private StorableText() {
    }

    /** Refuses text PostgreSQL cannot store in {@code value} (a string, or strings and names inside a tree). */
    static void check(Object value, String field, boolean refuseNul) {
        if (value instanceof String text) {
            if (!isStorable(text, refuseNul)) {
                throw new InvalidValueException(field, "must not contain NUL or unpaired surrogate characters");
            }
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), field + "[" + i + "]", refuseNul);
            }
        } else if (value instanceof Map<?, ?> members) {
            for (Map.Entry<?, ?> member : members.entrySet()) {
                String key = member.getKey().toString();
                if (!isStorable(key, true)) {
                    throw new InvalidValueException(JsonBinder.join(field, printable(key)),
                            "must not contain NUL or unpaired surrogate characters");
                }
                check(member.getValue(), JsonBinder.join(field, key), refuseNul);
            }
        }
    }

    static boolean isStorable(String text, boolean refuseNul) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 && refuseNul) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A member name as an error may quote it: no control characters, at most 64 characters. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 64; i++) {
            char c = name.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        return out.toString();
    }
}
