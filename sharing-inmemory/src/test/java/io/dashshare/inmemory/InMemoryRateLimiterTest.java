package io.dashshare.inmemory;

import io.dashshare.domain.contract.RateLimiterContract;
import io.dashshare.domain.contract.Ports;

class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
