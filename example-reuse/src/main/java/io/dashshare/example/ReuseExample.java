package io.dashshare.example;

import io.dashshare.application.service.Audit;
import io.dashshare.domain.audit.ClientIpPolicy;
import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.application.port.in.ManageDashboardsUseCase;
import io.dashshare.application.port.in.ManageSharesUseCase;
import io.dashshare.application.port.in.NewShare;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.ViewPublicShareUseCase;
import io.dashshare.application.service.DashboardRunner;
import io.dashshare.application.service.ExecutionQuotas;
import io.dashshare.application.service.FilterOptionsRunner;
import io.dashshare.application.service.ManageDashboardsService;
import io.dashshare.application.service.ManageSharesService;
import io.dashshare.application.service.ResultMemory;
import io.dashshare.application.service.SharingSettings;
import io.dashshare.application.service.ViewPublicShareService;
import io.dashshare.application.service.WidgetFanOut;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.FilterOptions;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.PolicyDraft;
import io.dashshare.domain.filter.PolicyMode;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.ResultCache;
import io.dashshare.domain.share.ShareType;
import io.dashshare.domain.sql.SqlTemplate;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.Role;
import io.dashshare.inmemory.InMemoryPersistence;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sharing rules inside another JVM application, with no Micronaut, no HTTP and no database:
 * the domain, the use cases and the in-memory ports, plus two adapters of the host's own (its
 * {@link InMemorySales} query executor and a {@link RandomSource} over the JDK's SecureRandom).
 * An owner shares a dashboard with its {@code region} filter fixed to North; a viewer of the link
 * sees North's revenue and is refused South. {@code mvn verify} runs it (ReuseExampleTest).
 */
public final class ReuseExample {

    /** What one run showed, for the test. */
    public record Outcome(String shareUrl, DashboardResult north, String southRefusal, InMemorySales executor) {
    }

    private ReuseExample() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    public static Outcome run(PrintStream out) {
        Clock clock = Clock.systemUTC();
        InMemoryPersistence store = new InMemoryPersistence();
        InMemorySales sales = new InMemorySales(Map.of(
                "north", new BigDecimal("1250.00"), "south", new BigDecimal("980.50")));
        RandomSource random = new JdkRandom();
        SharingSettings settings = SharingSettings.defaults("https://dashboards.example.com");

        // The host's company and the owner acting for it (the service would authenticate them).
        Company company = Company.create(new CompanyId(UUID.randomUUID()), new CompanySlug("acme"), "Acme", clock.instant());
        store.companies().save(company);
        OwnerPrincipal owner = OwnerPrincipal.person(new OwnerId(UUID.randomUUID()), new EmailAddress("ana@acme.example"),
                company.id(), Role.EDITOR);

        // The use cases, wired by hand: what the service's factory does with its adapters. The audit
        // events go to the in-memory log here (the service writes them to PostgreSQL).
        Audit audit = new Audit(store.audit(), clock, ClientIpPolicy.TRUNCATED, random);
        ExecutionQuotas quotas = new ExecutionQuotas(store.rateLimiter(), clock, settings);
        ResultCache noCache = ResultCache.disabled();
        DashboardRunner runner = new DashboardRunner(sales, noCache, quotas, settings,
                WidgetFanOut.sequential(Duration.ofSeconds(20)), ResultMemory.forHeap(Runtime.getRuntime().maxMemory()));
        FilterOptionsRunner options = new FilterOptionsRunner(sales, noCache, quotas, settings);
        ManageDashboardsUseCase dashboards = new ManageDashboardsService(store.dashboards(), sales, random,
                store.unitOfWork(), clock, audit);
        ManageSharesUseCase shares = new ManageSharesService(store.shares(), store.dashboards(), store.contexts(), random,
                store.unitOfWork(), clock, settings, audit);
        ViewPublicShareUseCase viewers = new ViewPublicShareService(store.viewerLookups(), runner, options, quotas, clock,
                audit);

        Dashboard dashboard = dashboards.create(owner, regionalSales());
        CreatedShare link = shares.create(owner, dashboard.id(), new NewShare("North partners", ShareType.LINK,
                Optional.empty(), List.of(fixedRegion("north")), Optional.empty()));
        out.println("Public link for the North partners: " + link.url());

        // The viewer sends nothing: the policy fixes the region.
        DashboardResult north = viewers.execute(link.token(), Map.of());
        out.println("North revenue: " + north.widgets().get(0).result().orElseThrow().rows());

        // The viewer asks for South: refused, whatever they send.
        String refusal;
        try {
            viewers.execute(link.token(), Map.of("region", new RawValue.Str("south")));
            throw new IllegalStateException("the fixed policy was widened");
        } catch (SharingException e) {
            refusal = e.code().name();
        }
        out.println("South: refused with " + refusal);
        return new Outcome(link.url(), north, refusal, sales);
    }

    private static DashboardDefinition regionalSales() {
        FilterDefinition region = new FilterDefinition(new FilterSlug("region"), "Region", FilterKind.SELECT, true,
                Optional.empty(), Optional.of(new FilterOptions.Static(List.of(
                        new FilterOption("North", "north"), new FilterOption("South", "south")))));
        Widget revenue = new Widget(new WidgetSlug("revenue"), "Revenue", Visualization.NUMBER,
                SqlTemplate.parse("select revenue from sales where region = :region"));
        return new DashboardDefinition(new DashboardSlug("regional-sales"), "Regional sales", "", InMemorySales.SOURCE,
                List.of(region), List.of(revenue));
    }

    private static PolicyDraft fixedRegion(String value) {
        return new PolicyDraft(new FilterSlug("region"), Optional.empty(), PolicyMode.FIXED, List.of(),
                Optional.of(new RawValue.Str(value)));
    }

    /** The host's randomness; the service uses adapter-crypto's, which is the same thing. */
    private static final class JdkRandom implements RandomSource {

        private final SecureRandom random = new SecureRandom();

        @Override
        public byte[] bytes(int count) {
            byte[] bytes = new byte[count];
            random.nextBytes(bytes);
            return bytes;
        }

        @Override
        public int nextInt(int bound) {
            return random.nextInt(bound);
        }

        @Override
        public UUID uuid() {
            return UUID.randomUUID();
        }
    }
}
