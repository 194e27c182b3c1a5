package io.dashshare.application.memory;

import io.dashshare.application.contract.ShareContextRepositoryContract;
import io.dashshare.application.contract.Ports;

class InMemoryShareContextRepositoryTest extends ShareContextRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
