package io.dashshare.bootstrap.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compact JWS written by hand on the JDK, so that tests can forge exactly the token an attacker
 * (or a customer's backend) would send, independent of the service's own signer.
 */
final class Jws {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jws() {
    }

    static Map<String, Object> header(String kid) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "embed+jwt");
        if (kid != null) {
            header.put("kid", kid);
        }
        return header;
    }

    /** The claims our documentation asks for, valid for ten minutes from now. */
    static Map<String, Object> embedClaims(String companySlug, String dashboardId, String... allowedParams) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", companySlug);
        claims.put("aud", "embed");
        claims.put("sub", dashboardId);
        claims.put("company", companySlug);
        claims.put("allowed_params", java.util.List.of(allowedParams));
        claims.put("required_params", java.util.List.of());
        claims.put("fixed_params", Map.of());
        claims.put("iat", now);
        claims.put("exp", now + 600);
        claims.put("jti", java.util.UUID.randomUUID().toString());
        return claims;
    }

    static String hs256(Map<String, Object> header, Map<String, Object> claims, byte[] key) {
        return hmac("HmacSHA256", header, claims, key);
    }

    static String hmac(String algorithm, Map<String, Object> header, Map<String, Object> claims, byte[] key) {
        String input = encode(header) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the exact JSON texts given, e.g. with duplicate member names no JSON library writes. */
    static String hs256Raw(String headerJson, String claimsJson, byte[] key) {
        String input = B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rs256(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        String input = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
        return encode(header) + "." + encode(claims) + ".";
    }

    static String encode(Object json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] secret(String base64url) {
        return Base64.getUrlDecoder().decode(base64url);
    }

    /** The decoded header of a compact token. */
    static Map<String, Object> headerOf(String token) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> header = JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[0]), Map.class);
            return header;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded claims of a compact token (not verified: for reading what a token says). */
    static Map<String, Object> claimsOf(String token) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
            return claims;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> with(Map<String, Object> map, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return copy;
    }
}
