package io.dashshare.application.service;

import io.dashshare.domain.error.SharingException;
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

    public String string(String name) {
        if (claims.get(name) instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw SharingException.tokenInvalid();
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
        throw SharingException.tokenInvalid();
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
        throw SharingException.tokenInvalid();
    }

    /** A list of strings; absent means empty. */
    public List<String> strings(String name) {
        Object value = claims.get(name);
        if (value == null && !claims.containsKey(name)) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw SharingException.tokenInvalid();
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw SharingException.tokenInvalid();
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
        throw SharingException.tokenInvalid();
    }

    /** exp required and in the future, nbf (if any) reached, iat (required) not in the future. */
    public void checkTimes(Instant now, Duration leeway) {
        Instant expiresAt = time("exp");
        if (!now.minus(leeway).isBefore(expiresAt)) {
            throw SharingException.tokenInvalid();
        }
        Optional<Instant> notBefore = optionalTime("nbf");
        if (notBefore.isPresent() && now.plus(leeway).isBefore(notBefore.get())) {
            throw SharingException.tokenInvalid();
        }
        if (now.plus(leeway).isBefore(time("iat"))) {
            throw SharingException.tokenInvalid();
        }
    }

    /** {@code aud} as a string, or an array that contains the expected audience. */
    public void requireAudience(String expected) {
        Object aud = claims.get("aud");
        boolean ok = expected.equals(aud) || (aud instanceof List<?> list && list.contains(expected));
        if (!ok) {
            throw SharingException.tokenInvalid();
        }
    }

    public void requireEquals(String name, String expected) {
        if (!expected.equals(claims.get(name))) {
            throw SharingException.tokenInvalid();
        }
    }
}
