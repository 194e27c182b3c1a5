package io.dashshare.domain.common;

import java.util.Optional;
import java.util.UUID;

/** Parsing of the canonical UUID text form used for every id on the wire. */
public final class Ids {

    private Ids() {
    }

    /** Accepts only the 36-character canonical form; {@link UUID#fromString} is laxer than that. */
    public static Optional<UUID> parse(String text) {
        if (!isCanonical(text)) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    /**
     * {@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}, checked by
     * hand rather than by a regex: every viewer request parses ids, and the matcher was a visible
     * part of a token verification (bench/README.md, token verification).
     */
    static boolean isCanonical(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
