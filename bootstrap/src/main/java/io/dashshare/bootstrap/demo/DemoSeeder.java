package io.dashshare.bootstrap.demo;

import io.dashshare.application.port.in.BootstrapCompanyUseCase;
import io.dashshare.bootstrap.config.ServiceConfig;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.adapter.http.owner.DashboardDocument;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanySlug;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a newcomer gets on first start (docs/operations.md, the demo): the bootstrap company
 * ({@code acme} unless named), its admin and the {@code sales-overview} dashboard over
 * {@link DemoDataset}. Idempotent: a restart finds
 * everything in place and changes nothing.
 */
public final class DemoSeeder {

    public static final String COMPANY_SLUG = "acme";
    public static final String READER_ROLE = "sharing_demo_reader";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final BootstrapCompanyUseCase bootstrapCompany;
    private final CompanyRepository companies;
    private final OwnerAccountRepository owners;
    private final DashboardCatalog catalog;
    private final PasswordHasher hasher;
    private final RandomSource random;
    private final Clock clock;
    private final PrintStream console;

    public DemoSeeder(BootstrapCompanyUseCase bootstrapCompany, CompanyRepository companies,
                      OwnerAccountRepository owners, DashboardCatalog catalog, PasswordHasher hasher,
                      RandomSource random, Clock clock, PrintStream console) {
        this.bootstrapCompany = bootstrapCompany;
        this.companies = companies;
        this.owners = owners;
        this.catalog = catalog;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
        this.console = console;
    }

    /**
     * The bootstrap company with its admin (docs/operations.md, first company), then the
     * dashboard. A password left unset is generated and printed once. Unlike a production
     * bootstrap, which leaves an existing company alone, the demo also resets its admin's password
     * to {@code SHARING_ADMIN_PASSWORD} when that differs, so the configured password always works.
     */
    public void seed(ServiceConfig.BootstrapCompany bootstrap) {
        CompanySlug slug = new CompanySlug(bootstrap.slug());
        EmailAddress email = EmailAddress.parse(bootstrap.adminEmail())
                .orElseThrow(() -> new IllegalStateException("SHARING_ADMIN_EMAIL is not a valid email address"));
        Company company = companies.findBySlug(slug).orElse(null);
        if (company == null) {
            String password = bootstrap.adminPassword().orElseGet(this::generatedPassword);
            company = bootstrapCompany.ensure(slug, bootstrap.name(), email, password);
            if (bootstrap.adminPassword().isEmpty()) {
                console.println();
                console.println("=== Demo admin created (shown once) ===");
                console.println("    email:    " + email.value());
                console.println("    password: " + password);
                console.println("=======================================");
                console.println();
            }
        } else if (bootstrap.adminPassword().isPresent()) {
            resetPassword(company, email, bootstrap.adminPassword().get());
        }
        if (catalog.findBySlug(company.id(), new DashboardSlug("sales-overview")).isEmpty()) {
            DashboardDefinition definition = DashboardDocument.parse(resource("demo/sales-overview.json")
                    .getBytes(StandardCharsets.UTF_8)).toDefinition();
            catalog.save(Dashboard.create(new DashboardId(random.uuid()), company.id(), definition, clock.instant()));
        }
    }

    private void resetPassword(Company company, EmailAddress email, String password) {
        owners.findByEmail(company.id(), email)
                .filter(account -> account.passwordHash().filter(hash -> hasher.matches(password, hash)).isEmpty())
                .ifPresent(account -> {
                    owners.save(account.withPassword(hasher.hash(password), Optional.empty()));
                    LOG.info("The demo admin password was reset from SHARING_ADMIN_PASSWORD.");
                });
    }

    private String generatedPassword() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(15));
    }

    static String resource(String name) {
        try (InputStream in = DemoSeeder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
