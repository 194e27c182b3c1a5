package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.Ports;

/** The jOOQ adapters on the shared test database, as the port contracts want them. */
final class JooqPorts {

    private JooqPorts() {
    }

    static Ports create() {
        JooqPersistence p = TestDatabase.get().persistence();
        return new Ports(p.companies(), p.owners(), p.dashboards(), p.shares(), p.contexts(), p.challenges(),
                p.sessions(), p.embedKeys(), p.rateLimiter(), p.unitOfWork(),
                p.viewerLookups(), p.apiKeys(), p.invites(), p.tokenRevocations(), p.mailOutbox());
    }
}
