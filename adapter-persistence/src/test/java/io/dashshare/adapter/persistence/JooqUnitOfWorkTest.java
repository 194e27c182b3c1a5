package io.dashshare.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.contract.Ports;
import io.dashshare.domain.contract.UnitOfWorkContract;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.testing.DashboardBuilder;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The contract, plus what only a real transaction gives: rollback, isolation, savepoints. */
class JooqUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }

    @Test
    void a_failure_rolls_back_every_write_of_the_work() {
        Company company = CompanyBuilder.aCompany().build();
        Dashboard dashboard = DashboardBuilder.aSalesDashboard().inCompany(company.id()).build();

        assertThatThrownBy(() -> ports.unitOfWork().run(() -> {
            ports.companies().save(company);
            ports.dashboards().save(dashboard);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(ports.companies().findById(company.id())).isEmpty();
        assertThat(ports.dashboards().findById(company.id(), dashboard.id())).isEmpty();
    }

    @Test
    void a_business_failure_raised_by_a_repository_rolls_back_the_earlier_writes() {
        Company existing = savedCompany();
        Company fresh = CompanyBuilder.aCompany().build();
        Company clash = CompanyBuilder.aCompany().withSlug(existing.slug().value()).build();

        assertThatThrownBy(() -> ports.unitOfWork().run(() -> {
            ports.companies().save(fresh);
            ports.companies().save(clash);
        })).isInstanceOfSatisfying(SharingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));

        assertThat(ports.companies().findById(fresh.id())).isEmpty();
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

    @Test
    void failed_nested_work_rolls_back_to_its_savepoint_and_the_outer_work_commits() {
        Company outer = CompanyBuilder.aCompany().build();
        Company inner = CompanyBuilder.aCompany().build();

        ports.unitOfWork().run(() -> {
            ports.companies().save(outer);
            try {
                ports.unitOfWork().run(() -> {
                    ports.companies().save(inner);
                    // a database error aborts the transaction unless the savepoint is rolled back
                    ports.companies().save(CompanyBuilder.aCompany().withSlug(outer.slug().value()).build());
                });
            } catch (SharingException expected) {
                // the outer work decides to carry on without the inner part
            }
        });

        assertThat(ports.companies().findById(outer.id())).contains(outer);
        assertThat(ports.companies().findById(inner.id())).isEmpty();
    }
}
