package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.OwnerAccountRepositoryContract;
import io.dashshare.domain.contract.Ports;

class JooqOwnerAccountRepositoryTest extends OwnerAccountRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
