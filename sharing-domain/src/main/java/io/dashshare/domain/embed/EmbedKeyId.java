package io.dashshare.domain.embed;

import io.dashshare.domain.error.InvalidValueException;

/** The {@code kid} of an embed signing key: looked up in a fixed table, never used as a path or URL. */
public record EmbedKeyId(String value) {

    public EmbedKeyId {
        if (!isValid(value)) {
            throw new InvalidValueException("kid", "must be 8-64 base64url characters");
        }
    }

    /** {@code [A-Za-z0-9_-]{8,64}}, by hand: it runs on every embed request (bench/README.md, token verification). */
    public static boolean isValid(String value) {
        if (value == null || value.length() < 8 || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
