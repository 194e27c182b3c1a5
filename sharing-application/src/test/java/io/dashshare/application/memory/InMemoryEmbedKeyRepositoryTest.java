package io.dashshare.application.memory;

import io.dashshare.application.contract.EmbedKeyRepositoryContract;
import io.dashshare.application.contract.Ports;

class InMemoryEmbedKeyRepositoryTest extends EmbedKeyRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
