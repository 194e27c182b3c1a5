package io.dashshare.adapter.persistence;

import io.dashshare.application.contract.Ports;
import io.dashshare.application.contract.ViewerLookupsContract;

class JooqViewerLookupsTest extends ViewerLookupsContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
