package io.dashshare.inmemory;

import io.dashshare.domain.contract.DashboardCatalogContract;
import io.dashshare.domain.contract.Ports;

class InMemoryDashboardCatalogTest extends DashboardCatalogContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
