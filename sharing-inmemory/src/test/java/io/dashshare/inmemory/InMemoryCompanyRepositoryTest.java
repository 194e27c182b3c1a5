package io.dashshare.inmemory;

import io.dashshare.domain.contract.CompanyRepositoryContract;
import io.dashshare.domain.contract.Ports;

class InMemoryCompanyRepositoryTest extends CompanyRepositoryContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }
}
