package io.dashshare.inmemory;

import io.dashshare.domain.contract.Ports;

final class InMemoryPorts {

    private InMemoryPorts() {
    }

    static Ports create() {
        return create(new InMemoryPersistence());
    }

    static Ports create(InMemoryPersistence p) {
        return new Ports(p.companies(), p.owners(), p.dashboards(), p.shares(), p.contexts(), p.challenges(),
                p.sessions(), p.embedKeys(), p.rateLimiter(), p.unitOfWork(),
                p.viewerLookups(), p.apiKeys(), p.invites(), p.tokenRevocations(), p.mailOutbox());
    }
}
