package io.dashshare.bootstrap;

import io.dashshare.application.port.in.BootstrapCompanyUseCase;
import io.dashshare.bootstrap.demo.DemoSeeder;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.port.RandomSource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

@Factory
public class DemoFactory {

    @Singleton
    DemoSeeder demoSeeder(BootstrapCompanyUseCase bootstrapCompany, CompanyRepository companies,
                          OwnerAccountRepository owners, DashboardCatalog catalog, PasswordHasher hasher,
                          RandomSource random, Clock clock) {
        return new DemoSeeder(bootstrapCompany, companies, owners, catalog, hasher, random, clock, System.out);
    }
}
