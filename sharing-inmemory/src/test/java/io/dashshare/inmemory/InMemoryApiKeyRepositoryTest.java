package io.dashshare.inmemory;

import io.dashshare.domain.contract.ApiKeyRepositoryContract;
import io.dashshare.domain.contract.Ports;

class InMemoryApiKeyRepositoryTest extends ApiKeyRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
