package io.dashshare.application.memory;

import io.dashshare.application.contract.OtpChallengeRepositoryContract;
import io.dashshare.application.contract.Ports;

class InMemoryOtpChallengeRepositoryTest extends OtpChallengeRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
