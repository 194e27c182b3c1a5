package io.dashshare.domain.port;

import io.dashshare.domain.audit.AuditEvent;

/**
 * Where events go (docs/api.md, audit log). {@link #record} is on the viewers' path, so it never
 * blocks and never throws: an implementation queues the event and writes it later in batches; an
 * event it cannot keep is counted and logged, never silently lost.
 */
public interface AuditLog {

    void record(AuditEvent event);
}
