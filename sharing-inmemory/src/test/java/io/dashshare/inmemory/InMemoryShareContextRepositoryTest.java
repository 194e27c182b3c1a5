package io.dashshare.inmemory;

import io.dashshare.domain.contract.ShareContextRepositoryContract;
import io.dashshare.domain.contract.Ports;

class InMemoryShareContextRepositoryTest extends ShareContextRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
