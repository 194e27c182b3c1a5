package io.dashshare.application.testing;

import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.port.AuditLog;
import java.util.ArrayList;
import java.util.List;

/** The audit sink of the harness: every event recorded, oldest first. */
public final class RecordingAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<AuditEvent> ofType(AuditType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    /** The only event of {@code type}; fails when there is none or more than one. */
    public AuditEvent only(AuditType type) {
        List<AuditEvent> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.wire() + " event, got " + found.size() + ": " + events());
        }
        return found.get(0);
    }

    public synchronized AuditEvent last() {
        if (events.isEmpty()) {
            throw new AssertionError("no audit event recorded");
        }
        return events.get(events.size() - 1);
    }

    public synchronized void clear() {
        events.clear();
    }
}
