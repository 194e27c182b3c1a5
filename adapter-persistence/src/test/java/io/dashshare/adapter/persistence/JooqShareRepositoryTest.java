package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.ShareRepositoryContract;
import io.dashshare.domain.contract.Ports;

class JooqShareRepositoryTest extends ShareRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
