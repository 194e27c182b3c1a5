package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.ShareSessionRepositoryContract;
import io.dashshare.domain.contract.Ports;

class JooqShareSessionRepositoryTest extends ShareSessionRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
