package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.port.AuditEvents;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit log of the caller's company, for its admins (docs/api.md, audit log): a page at a
 * time behind a cursor, or every event of the filters for the CSV download.
 */
public interface ReadAuditUseCase {

    /** The most events one page holds (docs/api.md: {@code limit} at most 1000, default 100). */
    int MAX_LIMIT = 1000;
    int DEFAULT_LIMIT = 100;

    /** 403 unless the caller may read the audit log; 400 {@code limit} outside 1..1000. */
    AuditPage events(OwnerPrincipal owner, AuditEvents.Query query, Optional<AuditEvents.Position> after, int limit);

    /**
     * Checks the caller now and returns the events to stream later: a download's answer starts
     * after this returns, so a refusal must come first, as a JSON error.
     */
    AuditStream stream(OwnerPrincipal owner, AuditEvents.Query query);

    /** One page; {@code next} is where the following page starts, empty on the last one. */
    record AuditPage(List<AuditEvent> events, Optional<AuditEvents.Position> next) {
        public AuditPage {
            events = List.copyOf(events);
        }
    }

    /** Every event of a query, newest first, one at a time. */
    interface AuditStream {
        void forEach(Consumer<AuditEvent> sink);
    }
}
