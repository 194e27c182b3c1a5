package io.dashshare.adapter.persistence;

import io.dashshare.adapter.persistence.query.JdbcQueryExecutor;
import io.dashshare.adapter.persistence.query.ReadOnlyRoleCheck;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * Warns at start-up when a dashboard data source could write (docs/security.md#sql-5). Runs on its
 * own thread: an unreachable data source must not hold the service's start-up for its timeout.
 */
@Singleton
@Requires(beans = JdbcQueryExecutor.class)
public class ReadOnlyRoleStartupCheck implements ApplicationEventListener<StartupEvent> {

    private final JdbcQueryExecutor executor;

    public ReadOnlyRoleStartupCheck(JdbcQueryExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Thread check = new Thread(() -> ReadOnlyRoleCheck.checkAndWarn(executor), "read-only-role-check");
        check.setDaemon(true);
        check.start();
    }
}
