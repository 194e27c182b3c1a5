package io.dashshare.domain.embed;

import io.dashshare.domain.error.InvalidValueException;
import java.util.regex.Pattern;

/** The {@code kid} of an embed signing key: looked up in a fixed table, never used as a path or URL. */
public record EmbedKeyId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public EmbedKeyId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("kid", "must be 8-64 base64url characters");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
