package io.dashshare.inmemory;

import io.dashshare.domain.contract.MailOutboxContract;
import io.dashshare.domain.contract.Ports;

class InMemoryMailOutboxTest extends MailOutboxContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
