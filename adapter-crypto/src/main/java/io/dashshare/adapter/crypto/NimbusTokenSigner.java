package io.dashshare.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.error.TokenRefusal;
import io.dashshare.domain.error.TokenRefusedException;
import io.dashshare.domain.port.TokenSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compact HS256 JWS on nimbus-jose-jwt, the library micronaut-security-jwt already signs owner
 * tokens with. nimbus signs, computes the HMAC, compares it in constant time (its
 * {@code MACVerifier}) and refuses keys under 256 bits.
 *
 * <p>nimbus's own parsing is more lenient than docs/embedding.md: {@code JWSObject.parse} takes a
 * token with padding or leading whitespace, compares {@code typ} ignoring case, keeps the last of
 * two nested members of the same name, and refuses a token whose (ignored) {@code jwk} member holds
 * a symmetric key. So the compact form and the header are read here, strictly ({@link StrictJson}),
 * and {@code MACVerifier} checks the signature over the exact signing input before the claims are
 * decoded. Every malformed input is {@code TOKEN_INVALID}.
 */
public final class NimbusTokenSigner implements TokenSigner {

    private static final String ALG = "HS256";
    private static final int MAX_TOKEN_LENGTH = 8_192;
    private static final int MIN_KEY_BYTES = 32;
    /** MACVerifier reads only {@code alg} and {@code crit}: both are checked on the real header first. */
    private static final JWSHeader CHECKED_HEADER = new JWSHeader(JWSAlgorithm.HS256);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Override
    public String sign(String type, String keyId, byte[] key, Map<String, Object> claims) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("an HS256 key needs at least 256 bits");
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(type)).keyID(keyId).build();
        JWSObject jws = new JWSObject(header, new Payload(StrictJson.write(claims)));
        try {
            jws.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed with a " + key.length + "-byte key", e);
        }
        return jws.serialize();
    }

    @Override
    public Verified verify(String compact, String expectedType, Function<String, Optional<byte[]>> keys) {
        if (compact == null || compact.length() > MAX_TOKEN_LENGTH) {
            throw refused(compact == null ? TokenRefusal.MALFORMED : TokenRefusal.TOO_LONG);
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw refused(TokenRefusal.MALFORMED);
        }
        byte[] headerJson = decode(parts[0]);
        byte[] claimsJson = decode(parts[1]);
        // Checked here because nimbus's Base64URL decoding skips characters outside the alphabet.
        decode(parts[2]);
        Map<String, Object> header = object(headerJson);
        if (!ALG.equals(header.get("alg"))) {
            throw refused(TokenRefusal.ALG_NOT_HS256);
        }
        if (!expectedType.equals(header.get("typ"))) {
            throw refused(header.containsKey("typ") ? TokenRefusal.TYP_WRONG : TokenRefusal.TYP_MISSING);
        }
        if (header.containsKey("crit")) {
            throw refused(TokenRefusal.CRIT_PRESENT);
        }
        if (!(header.get("kid") instanceof String kid)) {
            throw refused(TokenRefusal.KID_MISSING);
        }
        byte[] key = keys.apply(kid).orElseThrow(() -> refused(TokenRefusal.UNKNOWN_KID));
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!signatureMatches(key, signingInput, parts[2])) {
            throw refused(TokenRefusal.BAD_SIGNATURE);
        }
        return new Verified(kid, object(claimsJson));
    }

    @Override
    public Map<String, Object> header(String compact) {
        try {
            if (compact == null || compact.length() > MAX_TOKEN_LENGTH) {
                return Map.of();
            }
            return object(decode(compact.split("\\.", -1)[0]));
        } catch (SharingException unreadable) {
            return Map.of();
        }
    }

    private static TokenRefusedException refused(TokenRefusal reason) {
        return new TokenRefusedException(reason);
    }

    private static boolean signatureMatches(byte[] key, byte[] signingInput, String signature) {
        try {
            return new MACVerifier(key).verify(CHECKED_HEADER, signingInput, new Base64URL(signature));
        } catch (KeyLengthException e) {
            // A short or empty key would make forgeries cheap: such a key verifies nothing.
            return false;
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 verification is unavailable", e);
        }
    }

    /** Base64url without padding, in its one canonical spelling (no stray bits in the last character). */
    private static byte[] decode(String segment) {
        if (!isBase64UrlSegment(segment) || segment.length() % 4 == 1) {
            throw refused(TokenRefusal.MALFORMED);
        }
        byte[] bytes = DECODER.decode(segment);
        if (!ENCODER.encodeToString(bytes).equals(segment)) {
            throw refused(TokenRefusal.MALFORMED);
        }
        return bytes;
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(byte[] json) {
        try {
            if (StrictJson.parse(json) instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (StrictJson.MalformedJsonException e) {
            throw refused(TokenRefusal.MALFORMED);
        }
        throw refused(TokenRefusal.MALFORMED);
    }
}
