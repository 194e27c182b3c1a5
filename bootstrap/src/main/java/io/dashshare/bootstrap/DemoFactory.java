package io.dashshare.bootstrap;

import io.dashshare.bootstrap.demo.DemoSeeder;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.port.RandomSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

@Factory
public class DemoFactory {

    @Singleton
    DemoSeeder demoSeeder(DataSource dataSource, CompanyRepository companies, OwnerAccountRepository owners,
                          DashboardCatalog catalog, PasswordHasher hasher, RandomSource random, JsonMapper json,
                          Clock clock) {
        return new DemoSeeder(dataSource, companies, owners, catalog, hasher, random, json, clock, System.out);
    }
}
