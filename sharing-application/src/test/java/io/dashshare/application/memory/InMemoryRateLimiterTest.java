package io.dashshare.application.memory;

import io.dashshare.application.contract.RateLimiterContract;
import io.dashshare.application.contract.Ports;

class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
