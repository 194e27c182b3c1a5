package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.OwnerTokenRevocationsContract;
import io.dashshare.domain.contract.Ports;

class JooqOwnerTokenRevocationsTest extends OwnerTokenRevocationsContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
