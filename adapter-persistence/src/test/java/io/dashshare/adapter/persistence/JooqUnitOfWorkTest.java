package io.dashshare.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.contract.Ports;
import io.dashshare.domain.contract.UnitOfWorkContract;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The contract (rollback and savepoints included), plus the isolation a database transaction gives. */
class JooqUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }

    @Test
    void other_threads_do_not_see_the_work_until_it_commits() {
        Company company = CompanyBuilder.aCompany().build();

        boolean seenOutsideBeforeCommit = ports.unitOfWork().inTransaction(() -> {
            ports.companies().save(company);
            return CompletableFuture.supplyAsync(() -> ports.companies().findById(company.id()).isPresent()).join();
        });

        assertThat(seenOutsideBeforeCommit).isFalse();
        assertThat(ports.companies().findById(company.id())).contains(company);
    }
}
