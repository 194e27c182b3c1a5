package io.dashshare.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.contract.Ports;
import io.dashshare.domain.contract.UnitOfWorkContract;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The contract, plus how the in-memory store isolates: one transaction at a time, and other
 * callers wait for it instead of reading a snapshot as the database would let them.
 */
class InMemoryUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    protected Ports newPorts() {
        return InMemoryPorts.create();
    }

    @Test
    void other_callers_wait_until_the_transaction_ends_and_then_see_all_of_it() throws Exception {
        Company first = CompanyBuilder.aCompany().build();
        Company second = CompanyBuilder.aCompany().build();
        CompletableFuture<Boolean> reader = new CompletableFuture<>();

        ports.unitOfWork().run(() -> {
            ports.companies().save(first);
            CompletableFuture.runAsync(() -> reader.complete(ports.companies().findById(first.id()).isPresent()
                    && ports.companies().findById(second.id()).isPresent()));
            assertThat(finishesWithin300ms(reader)).as("the reader waits while the transaction runs").isFalse();
            ports.companies().save(second);
        });

        assertThat(reader.get(10, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean finishesWithin300ms(CompletableFuture<Boolean> future) {
        try {
            future.get(300, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
