package io.dashshare.inmemory;

import io.dashshare.domain.contract.ShareSessionRepositoryContract;
import io.dashshare.domain.contract.Ports;

class InMemoryShareSessionRepositoryTest extends ShareSessionRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
