package io.dashshare.adapter.persistence;

import io.dashshare.application.contract.CompanyRepositoryContract;
import io.dashshare.application.contract.Ports;

class JooqCompanyRepositoryTest extends CompanyRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
