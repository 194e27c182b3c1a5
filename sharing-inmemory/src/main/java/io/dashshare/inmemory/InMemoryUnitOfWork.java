package io.dashshare.inmemory;

import io.dashshare.domain.port.UnitOfWork;
import java.util.function.Supplier;

/**
 * Runs the work directly. The in-memory adapters are each atomic per call and have nothing to roll
 * back, so there is no transaction to open; use it only with them.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
