package io.dashshare.adapter.persistence;

import io.dashshare.domain.contract.CompanyRepositoryContract;
import io.dashshare.domain.contract.Ports;

class JooqCompanyRepositoryTest extends CompanyRepositoryContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }
}
