package io.dashshare.application.memory;

import io.dashshare.application.contract.Ports;
import io.dashshare.application.contract.ViewerLookupsContract;

class InMemoryViewerLookupsTest extends ViewerLookupsContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
