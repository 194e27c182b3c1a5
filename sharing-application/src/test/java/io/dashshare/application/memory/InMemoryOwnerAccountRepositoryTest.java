package io.dashshare.application.memory;

import io.dashshare.application.contract.OwnerAccountRepositoryContract;
import io.dashshare.application.contract.Ports;

class InMemoryOwnerAccountRepositoryTest extends OwnerAccountRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
