package io.dashshare.inmemory;

import io.dashshare.domain.contract.Ports;
import io.dashshare.domain.contract.ViewerLookupsContract;

class InMemoryViewerLookupsTest extends ViewerLookupsContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
