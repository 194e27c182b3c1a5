package io.dashshare.inmemory;

import io.dashshare.domain.port.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters in this JVM only: right for tests and a single instance. A window opens
 * at a key's first hit and lasts {@code window}; the first hit at or after its end opens the next.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private record Window(Instant start, int count) {
    }

    private final Map<String, Window> counters = new ConcurrentHashMap<>();

    @Override
    public Decision hit(String key, int limit, Duration window, Instant now) {
        Window current = counters.compute(key, (k, old) -> old == null || ended(old, window, now)
                ? new Window(now, 1)
                : new Window(old.start(), saturatedIncrement(old.count())));
        if (current.count() <= limit) {
            return Decision.allow();
        }
        return new Decision(false, Duration.between(now, current.start().plus(window)));
    }

    @Override
    public int count(String key, Duration window, Instant now) {
        Window current = counters.get(key);
        return current == null || ended(current, window, now) ? 0 : current.count();
    }

    /** Callers pass {@code Integer.MAX_VALUE} as a limit to count only; the count must not wrap to negative. */
    private static int saturatedIncrement(int count) {
        return count == Integer.MAX_VALUE ? count : count + 1;
    }

    private static boolean ended(Window w, Duration window, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }
}
