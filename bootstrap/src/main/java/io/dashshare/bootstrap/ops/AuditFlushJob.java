package io.dashshare.bootstrap.ops;

import io.dashshare.adapter.persistence.audit.JooqAuditLog;
import io.dashshare.bootstrap.config.SharingProperties;
import io.dashshare.bootstrap.config.Switches;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Writes each instance's queued audit events: every {@code SHARING_AUDIT_FLUSH_INTERVAL} (1 s)
 * all of them, so an event is visible within 5 seconds of its request, and in between, every
 * {@value #TICK}, the whole batches a busy instance has queued, so that events do not wait in
 * memory long enough to burden the garbage collector (docs/api.md, audit log). Instances write
 * only their own events, so the job needs no lock; the shutdown flush is the writer's own close.
 */
@Singleton
@Requires(condition = Switches.AuditOn.class)
public final class AuditFlushJob {

    static final String TICK = "100ms";

    private final JooqAuditLog writer;
    private final long intervalNanos;
    private long lastFlush = System.nanoTime();

    public AuditFlushJob(JooqAuditLog writer, SharingProperties.Audit settings) {
        this.writer = writer;
        this.intervalNanos = settings.flushInterval().toNanos();
    }

    @Scheduled(fixedDelay = TICK, initialDelay = TICK)
    void scheduled() {
        long now = System.nanoTime();
        if (now - lastFlush >= intervalNanos) {
            lastFlush = now;
            writer.flush();
        } else {
            writer.flushFullBatches();
        }
    }
}
