package io.dashshare.application.memory;

import io.dashshare.application.contract.ShareSessionRepositoryContract;
import io.dashshare.application.contract.Ports;

class InMemoryShareSessionRepositoryTest extends ShareSessionRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
