package io.dashshare.adapter.persistence;

import io.dashshare.adapter.persistence.gate.DatabaseGate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/** The service's own PostgreSQL: its schema, its migrations, and the jOOQ context the adapters share. */
public final class SharingDatabase {

    public static final String SCHEMA = "sharing";
    public static final String MIGRATIONS = "classpath:db/migration";

    /** Where {@link #dslContext} keeps the gate of a gated data source, for statements run without jOOQ. */
    private static final String GATE = "io.dashshare.gate";

    private SharingDatabase() {
    }

    /**
     * Tells the gate of {@code db}'s data source (if any) that a statement run on one of its
     * connections without jOOQ's execute pipeline failed, as jOOQ's listener does for the rest.
     */
    static void reportFailure(DSLContext db, Throwable failure) {
        if (db.configuration().data(GATE) instanceof DatabaseGate gate) {
            gate.report(failure);
        }
    }

    /**
     * A context whose transactions are bound to the calling thread
     * ({@link ThreadLocalTransactionProvider}): outside {@link JooqUnitOfWork} each statement
     * runs on its own pooled connection; inside, every statement of the thread joins the
     * transaction. Works the same in Micronaut and in plain code.
     */
    public static DSLContext dslContext(DataSource dataSource) {
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES);
        // Bind values may hold token hashes; they belong in no log, not even at DEBUG.
        configuration.set(new Settings().withExecuteLogging(false));
        configuration.set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(dataSource)));
        if (dataSource instanceof DatabaseGate.Gated gated) {
            DatabaseGate gate = gated.gate();
            configuration.data(GATE, gate);
            // A statement that loses its connection mid-flight closes the gate for everyone else at once.
            configuration.set(new DefaultExecuteListenerProvider(new ExecuteListener() {
                @Override
                public void exception(ExecuteContext context) {
                    gate.report(context.sqlException() != null ? context.sqlException() : context.exception());
                }
            }));
        }
        return DSL.using(configuration);
    }

    /**
     * Applies the migrations to schema {@value #SCHEMA}. The service runs them from its launcher,
     * under its start-up lock, before the application context starts (bootstrap's
     * {@code StartupLock} says why not through micronaut-flyway).
     */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .locations(MIGRATIONS)
                .load()
                .migrate();
    }

    /** The same on sessions of Flyway's own, opened with this login (no pool, so no pool's timeouts). */
    public static void migrate(String url, String user, String password) {
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas(SCHEMA)
                .locations(MIGRATIONS)
                .load()
                .migrate();
    }
}
