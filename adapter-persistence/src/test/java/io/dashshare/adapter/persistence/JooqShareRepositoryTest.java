package io.dashshare.adapter.persistence;

import io.dashshare.application.contract.ShareRepositoryContract;
import io.dashshare.application.contract.Ports;

class JooqShareRepositoryTest extends ShareRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
