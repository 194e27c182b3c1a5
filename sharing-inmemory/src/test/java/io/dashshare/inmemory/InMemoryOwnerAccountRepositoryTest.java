package io.dashshare.inmemory;

import io.dashshare.domain.contract.OwnerAccountRepositoryContract;
import io.dashshare.domain.contract.Ports;

class InMemoryOwnerAccountRepositoryTest extends OwnerAccountRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
