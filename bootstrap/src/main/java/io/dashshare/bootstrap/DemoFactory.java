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

@Factory
public class DemoFactory {

    @Singleton
    DemoSeeder demoSeeder(CompanyRepository companies, OwnerAccountRepository owners,
                          DashboardCatalog catalog, PasswordHasher hasher, RandomSource random, JsonMapper json,
                          Clock clock) {
        return new DemoSeeder(companies, owners, catalog, hasher, random, json, clock, System.out);
    }
}
