package io.dashshare.inmemory;

import io.dashshare.domain.contract.OwnerTokenRevocationsContract;
import io.dashshare.domain.contract.Ports;

class InMemoryOwnerTokenRevocationsTest extends OwnerTokenRevocationsContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
