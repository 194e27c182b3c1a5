package io.dashshare.inmemory;

import io.dashshare.domain.contract.EmbedKeyRepositoryContract;
import io.dashshare.domain.contract.Ports;

class InMemoryEmbedKeyRepositoryTest extends EmbedKeyRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
