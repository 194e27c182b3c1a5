package io.dashshare.adapter.persistence;

import io.dashshare.application.contract.EmbedKeyRepositoryContract;
import io.dashshare.application.contract.Ports;

class JooqEmbedKeyRepositoryTest extends EmbedKeyRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
