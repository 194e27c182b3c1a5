package io.dashshare.domain.common;

import io.dashshare.domain.error.InvalidValueException;
import java.util.regex.Pattern;

/** The one slug shape used for companies, dashboards, filters and widgets. */
public final class Slugs {

    public static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    /** A company's slug (docs/api.md, operator): 2 to 63 characters, a letter or digit first, no underscore. */
    public static final Pattern COMPANY = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    /** Filter and widget slugs become SQL parameter names, so no dash. */
    public static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Slugs() {
    }

    /** {@code field} names the value in a refusal ({@code slug}); the adapter puts it in place. */
    public static String require(Pattern pattern, String value, String field) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidValueException(field, "must match " + pattern.pattern());
        }
        return value;
    }
}
