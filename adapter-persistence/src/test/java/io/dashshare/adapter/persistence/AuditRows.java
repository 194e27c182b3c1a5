package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.AUDIT_EVENTS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.adapter.persistence.jooq.tables.records.AuditEventsRecord;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditEvent;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Writes events straight into sharing.audit_events, in the columns migration V8 describes, so that
 * the reading side's tests do not depend on the batching writer's timing.
 */
public final class AuditRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditRows() {
    }

    public static void insert(DSLContext db, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        db.batchInsert(events.stream().map(e -> record(db, e)).toList()).execute();
    }

    private static AuditEventsRecord record(DSLContext db, AuditEvent e) {
        AuditEventsRecord r = db.newRecord(AUDIT_EVENTS);
        r.setId(e.id());
        r.setAt(Times.column(e.at()));
        r.setCompanyId(e.companyId().value());
        r.setType(e.type().wire());
        r.setFlow(e.flow().wire());
        r.setActorType(e.actor().type());
        if (e.actor() instanceof AuditActor.Email a) {
            r.setActorEmail(a.email());
        } else if (e.actor() instanceof AuditActor.Embed a) {
            r.setActorId(a.jti());
            r.setActorName(a.subject());
        } else if (e.actor() instanceof AuditActor.Owner a) {
            r.setActorId(a.id());
            r.setActorEmail(a.email());
        } else if (e.actor() instanceof AuditActor.ApiKey a) {
            r.setActorId(a.id());
            r.setActorName(a.name());
        }
        r.setDashboardId(e.dashboardId() == null ? null : e.dashboardId().value());
        r.setShareId(e.shareId() == null ? null : e.shareId().value());
        r.setContextId(e.contextId() == null ? null : e.contextId().value());
        r.setParameters(json(e.parameters()));
        r.setDetails(json(e.details()));
        r.setOutcome(e.outcome());
        r.setRowCount(e.rowCount());
        r.setClientIp(e.client().ip());
        r.setUserAgent(e.client().userAgent());
        r.setRequestId(e.client().requestId());
        return r;
    }

    private static JSONB json(Map<String, Object> value) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
