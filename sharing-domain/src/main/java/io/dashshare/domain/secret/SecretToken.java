package io.dashshare.domain.secret;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An opaque bearer secret (share link token, refresh token): 256 random bits as base64url
 * without padding. Only its {@link #hash()} is ever stored; {@link #toString()} never shows it.
 */
public final class SecretToken {

    public static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private SecretToken(String value) {
        this.value = value;
    }

    public static SecretToken fromRandomBytes(byte[] random) {
        if (random.length != BYTES) {
            throw new IllegalArgumentException("a token needs exactly " + BYTES + " random bytes");
        }
        return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** Any string a client sent: a wrong shape simply hashes to something never stored. */
    public static TokenHash hashOfPresented(String presented) {
        return TokenHash.of(Objects.requireNonNullElse(presented, ""));
    }

    public static boolean hasTokenShape(String presented) {
        return presented != null && SHAPE.matcher(presented).matches();
    }

    public String value() {
        return value;
    }

    public TokenHash hash() {
        return TokenHash.of(value);
    }

    @Override
    public String toString() {
        return "SecretToken[redacted]";
    }
}
