package io.dashshare.inmemory;

import io.dashshare.domain.contract.UnitOfWorkContract;
import io.dashshare.domain.contract.Ports;

class InMemoryUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
