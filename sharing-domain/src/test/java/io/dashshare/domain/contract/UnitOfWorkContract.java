package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What every unit of work promises. Rolling back on failure is only promised where there is a
 * transaction; the database adapter's own test checks that.
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

        assertFails(ErrorCode.INVALID_REQUEST, "slug", () -> ports.unitOfWork().run(() -> ports.companies().save(clash)));
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
}
