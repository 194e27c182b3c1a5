package io.dashshare.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.error.TokenRefusal;
import io.dashshare.domain.error.TokenRefusedException;
import io.dashshare.domain.port.TokenSigner;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compact HS256 JWS: nimbus-jose-jwt, the library micronaut-security-jwt already signs owner
 * tokens with, signs (and refuses keys under 256 bits); verification computes the HMAC on the
 * JDK's {@code Mac} and compares it in constant time (see {@link #signatureMatches}).
 *
 * <p>nimbus's own parsing is more lenient than docs/embedding.md: {@code JWSObject.parse} takes a
 * token with padding or leading whitespace, compares {@code typ} ignoring case, keeps the last of
 * two nested members of the same name, and refuses a token whose (ignored) {@code jwk} member holds
 * a symmetric key. So the compact form and the header are read here, strictly ({@link StrictJson}),
 * and the signature is checked over the exact signing input before the claims are parsed. Every malformed input is {@code TOKEN_INVALID}.
 */
public final class NimbusTokenSigner implements TokenSigner {

    private static final String ALG = "HS256";
    private static final int MAX_TOKEN_LENGTH = 8_192;
    private static final int MIN_KEY_BYTES = 32;
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int HMAC_SHA256_BYTES = 32;
    private static final int MAX_KEPT_HEADERS = 1_024;
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(NimbusTokenSigner::newMac);

    private final Map<String, CheckedHeader> headers = new ConcurrentHashMap<>();

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
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (second < 0 || compact.indexOf('.', second + 1) >= 0) {
            throw refused(TokenRefusal.MALFORMED);
        }
        String headerPart = compact.substring(0, first);
        byte[] claimsJson = decode(compact.substring(first + 1, second));
        byte[] signature = decode(compact.substring(second + 1));
        CheckedHeader header = checkedHeader(headerPart);
        if (!expectedType.equals(header.type())) {
            throw refused(TokenRefusal.TYP_WRONG);
        }
        byte[] key = keys.apply(header.kid()).orElseThrow(() -> refused(TokenRefusal.UNKNOWN_KID));
        if (!signatureMatches(key, compact, second, signature)) {
            throw refused(TokenRefusal.BAD_SIGNATURE);
        }
        return new Verified(header.kid(), object(claimsJson));
    }

    /**
     * The header's checks ({@code alg} HS256, no {@code crit}, a string {@code kid}, its {@code typ}
     * kept for the caller to compare), kept per header segment: the segment is the header's exact
     * bytes, so a kept answer is the answer parsing it again would give. Tokens of one key share
     * one header, so the kept set stays small; it is emptied when it reaches its bound.
     */
    private CheckedHeader checkedHeader(String segment) {
        CheckedHeader kept = headers.get(segment);
        if (kept != null) {
            return kept;
        }
        Map<String, Object> header = object(decode(segment));
        if (!ALG.equals(header.get("alg"))) {
            throw refused(TokenRefusal.ALG_NOT_HS256);
        }
        if (!(header.get("typ") instanceof String type)) {
            throw refused(header.containsKey("typ") ? TokenRefusal.TYP_WRONG : TokenRefusal.TYP_MISSING);
        }
        if (header.containsKey("crit")) {
            throw refused(TokenRefusal.CRIT_PRESENT);
        }
        if (!(header.get("kid") instanceof String kid)) {
            throw refused(TokenRefusal.KID_MISSING);
        }
        CheckedHeader checked = new CheckedHeader(type, kid);
        if (headers.size() >= MAX_KEPT_HEADERS) {
            headers.clear();
        }
        headers.put(segment, checked);
        return checked;
    }

    @Override
    public Map<String, Object> header(String compact) {
        try {
            if (compact == null || compact.length() > MAX_TOKEN_LENGTH) {
                return Map.of();
            }
            int dot = compact.indexOf('.');
            return object(decode(dot < 0 ? compact : compact.substring(0, dot)));
        } catch (SharingException unreadable) {
            return Map.of();
        }
    }

    private static TokenRefusedException refused(TokenRefusal reason) {
        return new TokenRefusedException(reason);
    }

    private record CheckedHeader(String type, String kid) {
    }

    /**
     * HMAC-SHA256 of the signing input (the token up to its second dot) on the JDK's {@link Mac},
     * compared in constant time. Not nimbus's {@code MACVerifier} here: it looks the {@code Mac} up
     * through the JCA providers on every call, the largest cost of a verification (bench/README.md,
     * token verification); a {@code Mac} per thread, initialised with the key each time, computes
     * the same value. Keys under 256 bits verify nothing, as with {@code MACVerifier}.
     */
    private static boolean signatureMatches(byte[] key, String compact, int signingInputLength, byte[] signature) {
        if (key == null || key.length < MIN_KEY_BYTES || signature.length != HMAC_SHA256_BYTES) {
            return false;
        }
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HS256 verification is unavailable", e);
        }
        mac.update(compact.getBytes(StandardCharsets.US_ASCII), 0, signingInputLength);
        return MessageDigest.isEqual(mac.doFinal(), signature);
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(HMAC_SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HS256 verification is unavailable", e);
        }
    }

    /** Base64url without padding, in its one canonical spelling (no stray bits in the last character). */
    private static byte[] decode(String segment) {
        if (!isBase64UrlSegment(segment)) {
            throw refused(TokenRefusal.MALFORMED);
        }
        // The unused low bits of the last character are zero in the canonical spelling: 4 of them
        // when two characters are left over, 2 when three are.
        int unusedBits = switch (segment.length() % 4) {
            case 0 -> 0;
            case 2 -> 0xF;
            case 3 -> 0x3;
            default -> throw refused(TokenRefusal.MALFORMED);
        };
        if ((sextet(segment.charAt(segment.length() - 1)) & unusedBits) != 0) {
            throw refused(TokenRefusal.MALFORMED);
        }
        return DECODER.decode(segment);
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
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
