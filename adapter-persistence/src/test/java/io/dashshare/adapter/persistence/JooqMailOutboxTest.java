package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.MailOutboxContract;
import io.dashshare.domain.contract.Ports;

class JooqMailOutboxTest extends MailOutboxContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
