package io.dashshare.adapter.persistence;

import io.dashshare.domain.port.UnitOfWork;
import java.util.function.Supplier;
import org.jooq.ContextTransactionalCallable;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * One database transaction around a use case. The repositories share this {@link DSLContext},
 * whose {@code ThreadLocalTransactionProvider} binds the transaction's connection to the
 * thread, so every repository call made inside {@code work} joins it. Nested work becomes a
 * savepoint. Any exception rolls back and comes out unchanged (a lost database as
 * {@code SERVICE_UNAVAILABLE}).
 */
public final class JooqUnitOfWork implements UnitOfWork {

    private final DSLContext db;

    public JooqUnitOfWork(DSLContext db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return db.transactionResult((ContextTransactionalCallable<T>) work::get);
        } catch (DataAccessException e) {
            throw DatabaseFailures.translated(e);
        }
    }
}
