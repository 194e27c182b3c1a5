package io.dashshare.bootstrap.ops;

import io.dashshare.adapter.persistence.audit.JooqAuditLog;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Writes each instance's queued audit events every {@code SHARING_AUDIT_FLUSH_INTERVAL} (1 s), so
 * an event is visible within 5 seconds of its request (docs/api.md, audit log). Instances write
 * only their own events, so the job needs no lock; the shutdown flush is the writer's own close.
 */
@Singleton
@Requires(property = "sharing.audit.enabled", notEquals = "false")
public final class AuditFlushJob {

    private final JooqAuditLog writer;

    public AuditFlushJob(JooqAuditLog writer) {
        this.writer = writer;
    }

    @Scheduled(fixedDelay = "${sharing.audit.flush-interval:1s}", initialDelay = "${sharing.audit.flush-interval:1s}")
    void scheduled() {
        writer.flush();
    }
}
