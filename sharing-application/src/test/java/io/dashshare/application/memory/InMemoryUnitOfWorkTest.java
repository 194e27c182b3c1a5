package io.dashshare.application.memory;

import io.dashshare.application.contract.UnitOfWorkContract;
import io.dashshare.application.contract.Ports;

class InMemoryUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
