package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.DashboardCatalogContract;
import io.dashshare.domain.contract.Ports;

class JooqDashboardCatalogTest extends DashboardCatalogContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
