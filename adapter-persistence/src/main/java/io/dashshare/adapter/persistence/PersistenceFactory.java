package io.dashshare.adapter.persistence;

import io.dashshare.adapter.persistence.gate.DatabaseGate;
import com.zaxxer.hikari.HikariDataSource;
import io.dashshare.adapter.persistence.query.DataSourcesConfig;
import io.dashshare.adapter.persistence.query.JdbcQueryExecutor;
import io.dashshare.domain.port.ApiKeyRepository;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.EmbedKeyRepository;
import io.dashshare.domain.port.MailOutbox;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.OwnerInviteRepository;
import io.dashshare.domain.port.OwnerTokenRevocations;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.port.ViewerLookups;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Micronaut wiring of the persistence adapters, all on the default {@link DataSource}, migrated
 * before any of these is built (by micronaut-flyway, or, in the service, by bootstrap's launcher).
 * The adapters themselves know no framework; {@link JooqPersistence#on} builds the same set
 * without Micronaut.
 */
@Factory
public class PersistenceFactory {

    /**
     * The raw pool, not Micronaut's connection-aware proxy: transactions are jOOQ's, bound to the
     * thread by {@link JooqUnitOfWork}, and must not mix with Micronaut-managed connections.
     */
    @Singleton
    JooqPersistence jooqPersistence(DatabaseGate gate) {
        return JooqPersistence.on(gate.dataSource());
    }

    /**
     * The service database behind a {@link DatabaseGate}, so that an outage answers 503 at once
     * instead of after the pool's connection timeout. Its probe logs in as the pool does, on a
     * connection of its own.
     */
    @Singleton
    @Bean(preDestroy = "close")
    DatabaseGate serviceDatabaseGate(DataSource dataSource, @Nullable DataSourceResolver resolver,
                                     @Value("${sharing.database.probe-interval:250ms}") Duration probeInterval,
                                     @Value("${sharing.database.probe-timeout:1s}") Duration probeTimeout)
            throws SQLException {
        DataSource target = resolver == null ? dataSource : resolver.resolve(dataSource);
        return DatabaseGate.onPool(target.unwrap(HikariDataSource.class), "sharing", probeInterval, probeTimeout);
    }

    @Singleton
    CompanyRepository companyRepository(JooqPersistence persistence) {
        return persistence.companies();
    }

    @Singleton
    OwnerAccountRepository ownerAccountRepository(JooqPersistence persistence) {
        return persistence.owners();
    }

    @Singleton
    DashboardCatalog dashboardCatalog(JooqPersistence persistence) {
        return persistence.dashboards();
    }

    @Singleton
    ShareRepository shareRepository(JooqPersistence persistence) {
        return persistence.shares();
    }

    @Singleton
    ShareContextRepository shareContextRepository(JooqPersistence persistence) {
        return persistence.contexts();
    }

    @Singleton
    OtpChallengeRepository otpChallengeRepository(JooqPersistence persistence) {
        return persistence.challenges();
    }

    @Singleton
    ShareSessionRepository shareSessionRepository(JooqPersistence persistence) {
        return persistence.sessions();
    }

    @Singleton
    EmbedKeyRepository embedKeyRepository(JooqPersistence persistence) {
        return persistence.embedKeys();
    }

    @Singleton
    ApiKeyRepository apiKeyRepository(JooqPersistence persistence) {
        return persistence.apiKeys();
    }

    @Singleton
    OwnerInviteRepository ownerInviteRepository(JooqPersistence persistence) {
        return persistence.invites();
    }

    @Singleton
    OwnerTokenRevocations ownerTokenRevocations(JooqPersistence persistence) {
        return persistence.tokenRevocations();
    }

    @Singleton
    MailOutbox mailOutbox(JooqPersistence persistence) {
        return persistence.mailOutbox();
    }

    @Singleton
    RateLimiter rateLimiter(JooqPersistence persistence) {
        return persistence.rateLimiter();
    }

    @Singleton
    UnitOfWork unitOfWork(JooqPersistence persistence) {
        return persistence.unitOfWork();
    }

    @Singleton
    ViewerLookups viewerLookups(JooqPersistence persistence) {
        return persistence.viewerLookups();
    }

    @Singleton
    AuditEvents auditEvents(JooqPersistence persistence) {
        return persistence.auditEvents();
    }

    /** Present when bootstrap provides the dashboards' data sources; its pools close with the context. */
    @Singleton
    @Requires(beans = DataSourcesConfig.class)
    @Bean(typed = {QueryExecutor.class, JdbcQueryExecutor.class}, preDestroy = "close")
    JdbcQueryExecutor queryExecutor(DataSourcesConfig config) {
        return new JdbcQueryExecutor(config);
    }
}
