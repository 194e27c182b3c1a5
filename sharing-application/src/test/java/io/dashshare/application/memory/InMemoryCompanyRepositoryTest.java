package io.dashshare.application.memory;

import io.dashshare.application.contract.CompanyRepositoryContract;
import io.dashshare.application.contract.Ports;

class InMemoryCompanyRepositoryTest extends CompanyRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
