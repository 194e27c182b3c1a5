package io.dashshare.application.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with a server-held key: one-time codes are stored only this way (never plain). */
public final class Keyed {

    private final byte[] key;

    public Keyed(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("HMAC keys need at least 256 bits");
        }
        this.key = key.clone();
    }

    public String hmacHex(String... parts) {
        return HexFormat.of().formatHex(hmac(key, String.join("\u001f", parts)));
    }

    /** Constant-time comparison of two hex digests. */
    public static boolean sameDigest(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** Derives an independent sub-key for one purpose from a master secret. */
    public static byte[] derive(byte[] master, String purpose) {
        return hmac(master, "dashshare/" + purpose);
    }

    private static byte[] hmac(byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
