package io.dashshare.domain.common;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of the canonical UUID text form used for every id on the wire. */
public final class Ids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** Accepts only the 36-character canonical form; {@link UUID#fromString} is laxer than that. */
    public static Optional<UUID> parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
