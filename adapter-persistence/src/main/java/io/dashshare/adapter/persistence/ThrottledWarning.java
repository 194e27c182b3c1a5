package io.dashshare.adapter.persistence;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning that may fire on every request during an incident (an exhausted pool, say), logged at
 * most once per interval with the count of the ones held back, so that an incident is a few lines
 * and not thousands. Hand-written: SLF4J has no rate limit, and logback's
 * {@code DuplicateMessageFilter} drops repeats after a count without ever saying how many.
 */
final class ThrottledWarning {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong heldBack = new AtomicLong();

    ThrottledWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /** Logs {@code message} (an SLF4J pattern) unless one was logged less than an interval ago. */
    void warn(String message, Object... arguments) {
        long now = System.nanoTime();
        long next = nextAt.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextAt.compareAndSet(next, now + intervalNanos)) {
            heldBack.incrementAndGet();
            log.debug(message, arguments);
            return;
        }
        long held = heldBack.getAndSet(0);
        if (log.isWarnEnabled()) {
            log.warn(held == 0 ? message : message + " (and " + held + " more like it since the last)", arguments);
        }
    }
}
