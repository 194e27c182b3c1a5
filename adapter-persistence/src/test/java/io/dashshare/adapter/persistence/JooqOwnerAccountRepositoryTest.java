package io.dashshare.adapter.persistence;

import io.dashshare.application.contract.OwnerAccountRepositoryContract;
import io.dashshare.application.contract.Ports;

class JooqOwnerAccountRepositoryTest extends OwnerAccountRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
