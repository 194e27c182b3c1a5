package io.dashshare.inmemory;

import io.dashshare.domain.contract.OwnerInviteRepositoryContract;
import io.dashshare.domain.contract.Ports;

class InMemoryOwnerInviteRepositoryTest extends OwnerInviteRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
