package io.dashshare.adapter.persistence;

import io.dashshare.application.contract.OtpChallengeRepositoryContract;
import io.dashshare.application.contract.Ports;

class JooqOtpChallengeRepositoryTest extends OtpChallengeRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
