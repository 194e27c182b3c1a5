package io.dashshare.application.service;

import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.error.TokenRefusal;
import io.dashshare.domain.error.TokenRefusedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reading of verified JWT claims. Every wrong type is {@code TOKEN_INVALID}; time claims
 * are whole seconds (docs/embedding.md) and are checked with a bounded leeway (at most 60 s).
 */
public final class Claims {

    private static final BigDecimal YEAR_3000 = BigDecimal.valueOf(32_503_680_000L);

    private final Map<String, Object> claims;

    public Claims(Map<String, Object> claims) {
        this.claims = claims;
    }

    /** {@code TOKEN_INVALID} naming the failed check, for the embed token inspector (docs/embedding.md). */
    static SharingException refused(TokenRefusal reason) {
        return new TokenRefusedException(reason);
    }

    public String string(String name) {
        if (claims.get(name) instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw refused("jti".equals(name) ? TokenRefusal.JTI_MISSING
                : "sub".equals(name) ? TokenRefusal.SUB_NOT_A_DASHBOARD : TokenRefusal.CLAIM_INVALID);
    }

    public Optional<Instant> optionalTime(String name) {
        if (!claims.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(time(name));
    }

    /** Whole seconds since the epoch before the year 3000: {@code 3600.5} is refused, not rounded. */
    public Instant time(String name) {
        // scale() == 0 first: the whole number every token carries, without stripTrailingZeros's copy.
        if (claims.get(name) instanceof BigDecimal seconds && seconds.signum() >= 0
                && seconds.compareTo(YEAR_3000) < 0
                && (seconds.scale() == 0 || seconds.stripTrailingZeros().scale() <= 0)) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        throw refused(TokenRefusal.CLAIM_INVALID);
    }

    /** A boolean claim; absent means false, anything but {@code true} or {@code false} is refused. */
    public boolean flag(String name) {
        Object value = claims.get(name);
        if (!claims.containsKey(name)) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw refused(TokenRefusal.CLAIM_INVALID);
    }

    /** A list of strings; absent means empty. */
    public List<String> strings(String name) {
        Object value = claims.get(name);
        if (value == null && !claims.containsKey(name)) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw refused(TokenRefusal.CLAIM_INVALID);
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw refused(TokenRefusal.CLAIM_INVALID);
            }
            out.add(s);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        Object value = claims.get(name);
        if (value == null && !claims.containsKey(name)) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw refused(TokenRefusal.CLAIM_INVALID);
    }

    /** exp required and in the future, nbf (if any) reached, iat (required) not in the future. */
    public void checkTimes(Instant now, Duration leeway) {
        Instant expiresAt = time("exp");
        if (!now.minus(leeway).isBefore(expiresAt)) {
            throw refused(TokenRefusal.EXPIRED);
        }
        Optional<Instant> notBefore = optionalTime("nbf");
        if (notBefore.isPresent() && now.plus(leeway).isBefore(notBefore.get())) {
            throw refused(TokenRefusal.NOT_YET_VALID);
        }
        if (now.plus(leeway).isBefore(time("iat"))) {
            throw refused(TokenRefusal.ISSUED_IN_FUTURE);
        }
    }

    /** {@code aud} as a string, or an array that contains the expected audience. */
    public void requireAudience(String expected) {
        Object aud = claims.get("aud");
        boolean ok = expected.equals(aud) || (aud instanceof List<?> list && list.contains(expected));
        if (!ok) {
            throw refused(TokenRefusal.AUD_WRONG);
        }
    }

    public void requireEquals(String name, String expected) {
        if (!expected.equals(claims.get(name))) {
            throw refused("iss".equals(name) ? TokenRefusal.ISS_WRONG
                    : "company".equals(name) ? TokenRefusal.COMPANY_WRONG : TokenRefusal.CLAIM_INVALID);
        }
    }
}
