package io.dashshare.domain.common;

import java.util.regex.Pattern;

/** The one slug shape used for companies, dashboards, filters and widgets. */
public final class Slugs {

    public static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    /** Filter and widget slugs become SQL parameter names, so no dash. */
    public static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Slugs() {
    }

    public static String require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + pattern.pattern());
        }
        return value;
    }
}
