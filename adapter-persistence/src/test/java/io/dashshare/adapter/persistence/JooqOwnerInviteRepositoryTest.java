package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.OwnerInviteRepositoryContract;
import io.dashshare.domain.contract.Ports;

class JooqOwnerInviteRepositoryTest extends OwnerInviteRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
