package io.dashshare.inmemory;

import io.dashshare.domain.port.UnitOfWork;
import java.util.function.Supplier;

/**
 * One transaction over the repositories of the same {@link InMemoryPersistence}: the work runs
 * alone, and every write it made is undone when it throws. The rate limiter is not part of it
 * (no use case counts inside a transaction).
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    private final InMemoryStore store;

    InMemoryUnitOfWork(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return store.inTransaction(work);
    }
}
