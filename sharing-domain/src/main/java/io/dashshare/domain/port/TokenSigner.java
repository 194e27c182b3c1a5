package io.dashshare.domain.port;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compact JWS with HS256 and nothing else, as docs/embedding.md specifies. {@code verify} checks
 * the signature before any claim is read and throws {@code SharingException} {@code TOKEN_INVALID}
 * on anything malformed.
 */
public interface TokenSigner {

    /**
     * Claims are JSON-able: String, Number, Boolean, List, Map, null.
     *
     * @throws IllegalArgumentException for a key under 256 bits, or a claim that is not JSON-able
     */
    String sign(String type, String keyId, byte[] key, Map<String, Object> claims);

    /**
     * @param expectedType the {@code typ} header this route accepts
     * @param keys         looks a {@code kid} up in a fixed table; empty for unknown
     * @return the claims as JSON values: objects as {@code Map}, arrays as {@code List}, every
     *         number as {@code BigDecimal}, and String, Boolean or null
     */
    Verified verify(String compact, String expectedType, Function<String, Optional<byte[]>> keys);

    /**
     * The header as the token's author wrote it, unverified (for the embed token inspector); empty
     * when it cannot be read. Refusals of {@link #verify} may be {@code TokenRefusedException}s
     * naming the failed check.
     */
    default Map<String, Object> header(String compact) {
        return Map.of();
    }

    record Verified(String keyId, Map<String, Object> claims) {
    }
}
