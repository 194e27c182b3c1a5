package io.dashshare.adapter.cache;

import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.port.ResultCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Widget results for a short time, per JVM. Bounded (least recently used goes first) so that many
 * distinct parameter combinations cannot grow the heap; a TTL of zero turns caching off.
 */
public final class InMemoryResultCache implements ResultCache {

    private record Entry(QueryResult result, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Entry> entries;

    public InMemoryResultCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Optional<QueryResult> get(Key key) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            if (!now.isBefore(entry.expiresAt())) {
                entries.remove(key);
                return Optional.empty();
            }
            return Optional.of(entry.result());
        }
    }

    @Override
    public void put(Key key, QueryResult result) {
        if (ttl.isZero()) {
            return;
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(result, "result");
        Entry entry = new Entry(result, clock.instant().plus(ttl));
        synchronized (entries) {
            entries.put(key, entry);
        }
    }

    @Override
    public boolean enabled() {
        return !ttl.isZero();
    }

    /** Entries held now, expired ones included until they are next looked up or pushed out. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
