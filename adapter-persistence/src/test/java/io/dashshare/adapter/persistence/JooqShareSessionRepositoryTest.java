package io.dashshare.adapter.persistence;

import io.dashshare.application.contract.ShareSessionRepositoryContract;
import io.dashshare.application.contract.Ports;

class JooqShareSessionRepositoryTest extends ShareSessionRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
