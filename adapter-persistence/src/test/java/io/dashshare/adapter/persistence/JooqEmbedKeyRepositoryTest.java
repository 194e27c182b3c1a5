package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.EmbedKeyRepositoryContract;
import io.dashshare.domain.contract.Ports;

class JooqEmbedKeyRepositoryTest extends EmbedKeyRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
