package io.dashshare.architecture.violations.inmemory;

import io.dashshare.architecture.violations.domain.share.Share;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Allowed: an in-memory port on the domain and the JDK. */
public class InMemoryShares {
    private final Map<String, Share> shares = new ConcurrentHashMap<>();

    public Optional<Share> find(String token) {
        return Optional.ofNullable(shares.get(token));
    }
}
