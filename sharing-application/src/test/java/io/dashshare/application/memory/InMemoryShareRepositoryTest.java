package io.dashshare.application.memory;

import io.dashshare.application.contract.ShareRepositoryContract;
import io.dashshare.application.contract.Ports;

class InMemoryShareRepositoryTest extends ShareRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
