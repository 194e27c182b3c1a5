package io.dashshare.adapter.persistence.audit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit writer's drops of one reason, logged at most once per interval with the count since
 * the last WARN (docs/api.md, audit log). Hand-written like the adapter's throttled warnings:
 * SLF4J has no rate limit.
 */
final class DropWarning {

    private static final Logger LOG = LoggerFactory.getLogger(JooqAuditLog.class);

    private final String reason;
    private final long intervalNanos;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private volatile String lastCause = "";

    DropWarning(String reason, Duration interval) {
        this.reason = reason;
        this.intervalNanos = interval.toNanos();
    }

    void add(int events, String cause) {
        unreported.addAndGet(events);
        lastCause = cause;
        long now = System.nanoTime();
        long next = nextAt.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextAt.compareAndSet(next, now + intervalNanos)) {
            report();
        }
    }

    /** A burst that ended quietly is still reported, once its interval is over. */
    void reportIfDue() {
        long next = nextAt.get();
        if (unreported.get() > 0 && next != Long.MIN_VALUE && System.nanoTime() - next >= 0
                && nextAt.compareAndSet(next, System.nanoTime() + intervalNanos)) {
            report();
        }
    }

    void report() {
        long count = unreported.getAndSet(0);
        if (count > 0) {
            LOG.warn("audit log: {} event(s) dropped ({}, counted in sharing_audit_dropped_total): {}", count,
                    reason, lastCause);
        }
    }
}
