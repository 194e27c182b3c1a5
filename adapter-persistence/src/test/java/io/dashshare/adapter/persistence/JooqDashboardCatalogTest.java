package io.dashshare.adapter.persistence;

import io.dashshare.application.contract.DashboardCatalogContract;
import io.dashshare.application.contract.Ports;

class JooqDashboardCatalogTest extends DashboardCatalogContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
