package io.dashshare.application.token;

import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.TokenSigner;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compact JWS, HS256 only, on the JDK's HMAC (RFC 7515, with RFC 8725's advice):
 * the algorithm is pinned, {@code kid} only selects from a fixed table, {@code jku}/{@code x5u}/
 * {@code jwk} are never followed, {@code crit} is refused, the signature is checked in constant
 * time before the payload is even decoded, and every malformed input is {@code TOKEN_INVALID}.
 */
public final class HmacJwsSigner implements TokenSigner {

    private static final String ALG = "HS256";
    private static final int MAX_TOKEN_LENGTH = 8_192;
    /** One Mac per thread: {@code Mac.getInstance} looks the provider up on every call (JMH: a third of a verify). */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Override
    public String sign(String type, String keyId, byte[] key, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", ALG);
        header.put("typ", type);
        header.put("kid", keyId);
        String signingInput = encode(StrictJson.write(header)) + "." + encode(StrictJson.write(claims));
        return signingInput + "." + ENCODER.encodeToString(hmac(key, signingInput));
    }

    @Override
    public Verified verify(String compact, String expectedType, Function<String, Optional<byte[]>> keys) {
        if (compact == null || compact.length() > MAX_TOKEN_LENGTH) {
            throw SharingException.tokenInvalid();
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw SharingException.tokenInvalid();
        }
        for (String part : parts) {
            if (!isBase64UrlSegment(part) || part.length() % 4 == 1) {
                throw SharingException.tokenInvalid();
            }
        }
        Map<String, Object> header = object(decodeJson(parts[0]));
        if (!ALG.equals(header.get("alg")) || !expectedType.equals(header.get("typ")) || header.containsKey("crit")
                || !(header.get("kid") instanceof String kid)) {
            throw SharingException.tokenInvalid();
        }
        byte[] key = keys.apply(kid).orElseThrow(SharingException::tokenInvalid);
        byte[] expected = hmac(key, parts[0] + "." + parts[1]);
        byte[] presented = decode(parts[2]);
        if (!MessageDigest.isEqual(expected, presented)) {
            throw SharingException.tokenInvalid();
        }
        return new Verified(kid, object(decodeJson(parts[1])));
    }

    /** {@code [A-Za-z0-9_-]+}, without a regex on the hot path. */
    private static boolean isBase64UrlSegment(String part) {
        if (part.isEmpty()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Object decodeJson(String segment) {
        try {
            // Strict UTF-8: new String(...) would quietly turn malformed bytes into U+FFFD.
            String json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decode(segment))).toString();
            return StrictJson.parse(json);
        } catch (StrictJson.MalformedJsonException | CharacterCodingException e) {
            throw SharingException.tokenInvalid();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        if (json instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw SharingException.tokenInvalid();
    }

    private static byte[] decode(String segment) {
        try {
            byte[] bytes = DECODER.decode(segment);
            // Refuse non-canonical encodings (stray bits in the last character).
            if (!ENCODER.encodeToString(bytes).equals(segment)) {
                throw SharingException.tokenInvalid();
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw SharingException.tokenInvalid();
        }
    }

    private static String encode(String json) {
        return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String input) {
        if (key == null || key.length < 32) {
            // A short or empty key would make forgeries cheap: such a key verifies nothing.
            throw SharingException.tokenInvalid();
        }
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an HmacSHA256 key of " + key.length + " bytes was refused", e);
        }
    }
}
