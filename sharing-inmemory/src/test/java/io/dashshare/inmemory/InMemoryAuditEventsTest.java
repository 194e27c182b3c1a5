package io.dashshare.inmemory;

import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.contract.AuditEventsContract;
import io.dashshare.domain.contract.Ports;
import io.dashshare.domain.port.AuditEvents;
import java.util.List;

class InMemoryAuditEventsTest extends AuditEventsContract {

    private InMemoryPersistence persistence;

    @Override
    protected Ports newPorts() {
        persistence = new InMemoryPersistence();
        return InMemoryPorts.create(persistence);
    }

    @Override
    protected AuditEvents auditEvents() {
        return persistence.audit();
    }

    @Override
    protected void store(List<AuditEvent> events) {
        events.forEach(persistence.audit()::record);
    }
}
