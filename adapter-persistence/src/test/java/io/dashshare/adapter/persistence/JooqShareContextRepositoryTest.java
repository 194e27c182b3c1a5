package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.ShareContextRepositoryContract;
import io.dashshare.domain.contract.Ports;

class JooqShareContextRepositoryTest extends ShareContextRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
