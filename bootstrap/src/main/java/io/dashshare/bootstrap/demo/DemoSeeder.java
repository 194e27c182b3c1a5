package io.dashshare.bootstrap.demo;

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
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a newcomer gets on first start (PRODUCT.md §3): company {@code acme}, its admin and the
 * {@code sales-overview} dashboard over {@link DemoDataset}. Idempotent: a restart finds
 * everything in place and changes nothing.
 */
public final class DemoSeeder {

    public static final String COMPANY_SLUG = "acme";
    public static final String READER_ROLE = "sharing_demo_reader";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final CompanyRepository companies;
    private final OwnerAccountRepository owners;
    private final DashboardCatalog catalog;
    private final PasswordHasher hasher;
    private final RandomSource random;
    private final Clock clock;
    private final PrintStream console;

    public DemoSeeder(CompanyRepository companies, OwnerAccountRepository owners,
                      DashboardCatalog catalog, PasswordHasher hasher, RandomSource random,
                      Clock clock, PrintStream console) {
        this.companies = companies;
        this.owners = owners;
        this.catalog = catalog;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
        this.console = console;
    }

    /** Company, admin and dashboard. The admin password is printed once, when it was generated. */
    public void seedCompany(String adminEmail, Optional<String> adminPassword) {
        Company company = companies.findBySlug(new CompanySlug(COMPANY_SLUG)).orElseGet(() -> {
            Company created = new Company(new CompanyId(random.uuid()), new CompanySlug(COMPANY_SLUG), "Acme",
                    List.of());
            companies.save(created);
            return created;
        });
        EmailAddress email = EmailAddress.parse(adminEmail)
                .orElseThrow(() -> new IllegalStateException("SHARING_ADMIN_EMAIL is not a valid email address"));
        Optional<OwnerAccount> existing = owners.findByEmail(email);
        if (existing.isEmpty()) {
            String password = adminPassword.orElseGet(this::generatedPassword);
            owners.save(new OwnerAccount(new OwnerId(random.uuid()), company.id(), email, hasher.hash(password)));
            if (adminPassword.isEmpty()) {
                console.println();
                console.println("=== Demo admin created (shown once) ===");
                console.println("    email:    " + email.value());
                console.println("    password: " + password);
                console.println("=======================================");
                console.println();
            }
        } else if (adminPassword.isPresent() && !hasher.matches(adminPassword.get(), existing.get().passwordHash())) {
            OwnerAccount account = existing.get();
            owners.save(new OwnerAccount(account.id(), account.companyId(), account.email(),
                    hasher.hash(adminPassword.get())));
            LOG.info("The admin password was reset from SHARING_ADMIN_PASSWORD.");
        }
        if (catalog.findBySlug(company.id(), new DashboardSlug("sales-overview")).isEmpty()) {
            DashboardDefinition definition = DashboardDocument.parse(resource("demo/sales-overview.json")
                    .getBytes(StandardCharsets.UTF_8)).toDefinition();
            catalog.save(Dashboard.create(new DashboardId(random.uuid()), company.id(), definition, clock.instant()));
        }
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
