package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.ApiKeyRepositoryContract;
import io.dashshare.domain.contract.Ports;

class JooqApiKeyRepositoryTest extends ApiKeyRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
