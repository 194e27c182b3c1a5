package io.dashshare.inmemory;

import io.dashshare.domain.contract.OtpChallengeRepositoryContract;
import io.dashshare.domain.contract.Ports;

class InMemoryOtpChallengeRepositoryTest extends OtpChallengeRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
