package io.dashshare.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.adapter.persistence.query.DataSourceSettings;
import io.dashshare.adapter.persistence.query.DataSourcesConfig;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.EmbedKeyRepository;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The properties bootstrap sets, on a fresh database: Flyway migrates, every port is a bean. */
class PersistenceFactoryTest {

    private static Map<String, Object> properties() throws SQLException {
        String database = "wiring_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = TestDatabase.get().service().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        return Map.of(
                "datasources.default.url", TestDatabase.get().url(database),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES",
                "flyway.datasources.default.enabled", true,
                "flyway.datasources.default.schemas", "sharing",
                "flyway.datasources.default.locations", "classpath:db/migration");
    }

    @Test
    void the_context_migrates_a_fresh_database_and_wires_every_port() throws SQLException {
        try (ApplicationContext context = ApplicationContext.run(properties())) {
            for (Class<?> port : new Class<?>[] {CompanyRepository.class, OwnerAccountRepository.class,
                    DashboardCatalog.class, ShareRepository.class, ShareContextRepository.class,
                    OtpChallengeRepository.class, ShareSessionRepository.class, EmbedKeyRepository.class,
                    RateLimiter.class, UnitOfWork.class}) {
                assertThat(context.getBean(port)).as(port.getSimpleName()).isNotNull();
            }
            CompanyRepository companies = context.getBean(CompanyRepository.class);
            Company company = CompanyBuilder.aCompany().build();

            context.getBean(UnitOfWork.class).run(() -> companies.save(company));

            assertThat(companies.findById(company.id())).contains(company);
            assertThat(context.containsBean(QueryExecutor.class)).isFalse();
        }
    }

    @Test
    void a_DataSourcesConfig_bean_brings_the_query_executor() throws SQLException {
        DataSourcesConfig config = DataSourcesConfig.of(new DataSourceName("demo"),
                DataSourceSettings.of(TestDatabase.get().url(), TestDatabase.READER, TestDatabase.READER_PASSWORD));
        try (ApplicationContext context = ApplicationContext.builder().properties(properties()).singletons(config).start()) {
            QueryExecutor executor = context.getBean(QueryExecutor.class);

            assertThat(executor.dataSources()).containsExactly(new DataSourceName("demo"));
        }
    }
}
