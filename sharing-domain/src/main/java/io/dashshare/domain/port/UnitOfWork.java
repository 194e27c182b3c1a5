package io.dashshare.domain.port;

import java.util.function.Supplier;

/** Runs one use case's writes as one transaction. */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
