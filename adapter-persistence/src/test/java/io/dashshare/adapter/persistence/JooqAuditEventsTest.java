package io.dashshare.adapter.persistence;

import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.contract.AuditEventsContract;
import io.dashshare.domain.contract.Ports;
import io.dashshare.domain.port.AuditEvents;
import java.util.List;
import org.jooq.DSLContext;

class JooqAuditEventsTest extends AuditEventsContract {

    private final DSLContext db = SharingDatabase.dslContext(TestDatabase.get().service());

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }

    @Override
    protected AuditEvents auditEvents() {
        return new JooqAuditEvents(db);
    }

    @Override
    protected void store(List<AuditEvent> events) {
        AuditRows.insert(db, events);
    }
}
