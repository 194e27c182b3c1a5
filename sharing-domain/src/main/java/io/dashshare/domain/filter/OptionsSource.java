package io.dashshare.domain.filter;

import java.util.Locale;

/** Where the options endpoint took its answer from (the guide's {@code source}). */
public enum OptionsSource {
    STATIC, DYNAMIC, POLICY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
