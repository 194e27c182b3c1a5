package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.testing.ShareBuilder;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What every unit of work promises: the work's result and writes when it returns, none of its
 * writes when it throws. Nested work joins the outer one; a failure inside it that the outer work
 * catches undoes only the nested part (a savepoint), one that escapes undoes everything.
 */
public abstract class UnitOfWorkContract extends PortContract {

    @Test
    void the_work_result_is_returned_and_its_writes_are_visible_afterwards() {
        Company company = CompanyBuilder.aCompany().build();

        String result = ports.unitOfWork().inTransaction(() -> {
            ports.companies().save(company);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(ports.companies().findById(company.id())).contains(company);
    }

    @Test
    void writes_are_visible_to_reads_inside_the_same_work() {
        Company company = CompanyBuilder.aCompany().build();

        boolean seen = ports.unitOfWork().inTransaction(() -> {
            ports.companies().save(company);
            return ports.companies().findBySlug(company.slug()).isPresent();
        });

        assertThat(seen).isTrue();
    }

    @Test
    void a_business_failure_comes_out_unchanged() {
        SharingException failure = SharingException.notFound("share");

        assertThatThrownBy(() -> ports.unitOfWork().inTransaction(() -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void a_failure_raised_by_a_repository_inside_the_work_keeps_its_code() {
        Company first = savedCompany();
        Company clash = CompanyBuilder.aCompany().withSlug(first.slug().value()).build();

        assertFails(ErrorCode.CONFLICT, "slug", () -> ports.unitOfWork().run(() -> ports.companies().save(clash)));
    }

    @Test
    void nested_work_joins_the_outer_one() {
        Company company = CompanyBuilder.aCompany().build();

        int value = ports.unitOfWork().inTransaction(() -> ports.unitOfWork().inTransaction(() -> {
            ports.companies().save(company);
            return 42;
        }));

        assertThat(value).isEqualTo(42);
        assertThat(ports.companies().findById(company.id())).contains(company);
    }

    @Test
    void run_runs_the_work() {
        AtomicBoolean ran = new AtomicBoolean();

        ports.unitOfWork().run(() -> ran.set(true));

        assertThat(ran).isTrue();
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
    void a_rollback_restores_what_the_work_changed_or_deleted_with_its_cascades() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboard(company.id());
        Share share = ShareBuilder.aShareOf(dashboard).build();
        ports.shares().save(share);
        Company renamed = company.renamed("Renamed");

        assertThatThrownBy(() -> ports.unitOfWork().run(() -> {
            ports.companies().save(renamed);
            ports.dashboards().delete(company.id(), dashboard.id());
            throw SharingException.notFound("share");
        })).isInstanceOf(SharingException.class);

        assertThat(ports.companies().findById(company.id())).contains(company);
        assertThat(ports.dashboards().findById(company.id(), dashboard.id()).map(Dashboard::version))
                .contains(dashboard.version());
        assertThat(ports.shares().findById(company.id(), share.id())).isPresent();
    }

    @Test
    void a_business_failure_raised_by_a_repository_rolls_back_the_earlier_writes() {
        Company existing = savedCompany();
        Company fresh = CompanyBuilder.aCompany().build();
        Company clash = CompanyBuilder.aCompany().withSlug(existing.slug().value()).build();

        assertFails(ErrorCode.CONFLICT, "slug", () -> ports.unitOfWork().run(() -> {
            ports.companies().save(fresh);
            ports.companies().save(clash);
        }));

        assertThat(ports.companies().findById(fresh.id())).isEmpty();
        assertThat(ports.companies().findById(existing.id())).contains(existing);
    }

    @Test
    void a_nested_failure_that_escapes_rolls_back_the_whole_outer_work() {
        Company outer = CompanyBuilder.aCompany().build();
        Company inner = CompanyBuilder.aCompany().build();

        assertThatThrownBy(() -> ports.unitOfWork().run(() -> {
            ports.companies().save(outer);
            ports.unitOfWork().run(() -> {
                ports.companies().save(inner);
                throw new IllegalStateException("inner");
            });
        })).hasMessage("inner");

        assertThat(ports.companies().findById(outer.id())).isEmpty();
        assertThat(ports.companies().findById(inner.id())).isEmpty();
    }

    @Test
    void a_failed_nested_work_caught_by_the_outer_one_rolls_back_alone_and_the_outer_work_commits() {
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
