package io.dashshare.domain.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds compact JWS by hand from literal JSON text, so tests can send what no well-behaved
 * library would produce: other algorithms, duplicate members, odd headers, broken encodings.
 */
public final class HandMadeJws {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private HandMadeJws() {
    }

    public static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    /** HS256 over the two JSON texts with {@code key}. */
    public static String hs256(String headerJson, String payloadJson, byte[] key) {
        return mac("HmacSHA256", headerJson, payloadJson, key);
    }

    public static String hs384(String headerJson, String payloadJson, byte[] key) {
        return mac("HmacSHA384", headerJson, payloadJson, key);
    }

    /** The two segments and an arbitrary signature segment. */
    public static String withSignature(String headerJson, String payloadJson, String signatureSegment) {
        return b64(headerJson) + "." + b64(payloadJson) + "." + signatureSegment;
    }

    public static String signSegments(String headerSegment, String payloadSegment, byte[] key) {
        return headerSegment + "." + payloadSegment + "." + B64.encodeToString(hmac("HmacSHA256", key,
                headerSegment + "." + payloadSegment));
    }

    private static String mac(String algorithm, String headerJson, String payloadJson, byte[] key) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + B64.encodeToString(hmac(algorithm, key, input));
    }

    private static byte[] hmac(String algorithm, byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // SecretKeySpec refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
