package io.dashshare.application.memory;

import io.dashshare.application.contract.DashboardCatalogContract;
import io.dashshare.application.contract.Ports;

class InMemoryDashboardCatalogTest extends DashboardCatalogContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
