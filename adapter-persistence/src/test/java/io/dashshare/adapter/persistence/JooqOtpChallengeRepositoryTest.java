package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.OtpChallengeRepositoryContract;
import io.dashshare.domain.contract.Ports;

class JooqOtpChallengeRepositoryTest extends OtpChallengeRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
