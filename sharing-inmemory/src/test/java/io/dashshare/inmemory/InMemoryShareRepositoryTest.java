package io.dashshare.inmemory;

import io.dashshare.domain.contract.ShareRepositoryContract;
import io.dashshare.domain.contract.Ports;

class InMemoryShareRepositoryTest extends ShareRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
