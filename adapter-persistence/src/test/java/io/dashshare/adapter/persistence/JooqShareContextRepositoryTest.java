package io.dashshare.adapter.persistence;

import io.dashshare.application.contract.ShareContextRepositoryContract;
import io.dashshare.application.contract.Ports;

class JooqShareContextRepositoryTest extends ShareContextRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
