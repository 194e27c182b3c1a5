package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.Ports;
import io.dashshare.domain.contract.ViewerLookupsContract;

class JooqViewerLookupsTest extends ViewerLookupsContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
