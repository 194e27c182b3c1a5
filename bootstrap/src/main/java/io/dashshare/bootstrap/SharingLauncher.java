package io.dashshare.bootstrap;

import io.dashshare.adapter.persistence.SharingDatabase;
import io.dashshare.adapter.persistence.housekeeping.AuditPartitions;
import io.dashshare.adapter.persistence.housekeeping.Housekeeping;
import io.dashshare.adapter.persistence.query.DataSourcesConfig;
import io.dashshare.application.port.in.BootstrapCompanyUseCase;
import io.dashshare.bootstrap.config.EmbeddedDatabase;
import io.dashshare.bootstrap.config.EnvironmentVariables;
import io.dashshare.bootstrap.config.MasterSecret;
import io.dashshare.bootstrap.config.ServiceConfig;
import io.dashshare.bootstrap.config.ServiceDatabase;
import io.dashshare.bootstrap.config.SharingKeys;
import io.dashshare.bootstrap.demo.DemoDataset;
import io.dashshare.bootstrap.demo.DemoSeeder;
import io.dashshare.bootstrap.startup.StartupLock;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.tenant.CompanySlug;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the service from a {@link ServiceConfig}: the embedded PostgreSQL when no database is
 * configured, the secrets, the application context, the demo, then the HTTP server (so the port
 * opens only once the service can answer). Tests start it the same way, several times per JVM.
 */
public final class SharingLauncher {

    static {
        // jOOQ prints a banner and a "tip of the day" unless told not to.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private SharingLauncher() {
    }

    public static RunningService launch(ServiceConfig config, PrintStream console) {
        if (config.production() && config.demo()) {
            throw new IllegalStateException("SHARING_ENV=production refuses demo data: set SHARING_DEMO=false");
        }
        SharingKeys keys = new SharingKeys(MasterSecret.resolve(config));
        EmbeddedDatabase embedded = config.embeddedDatabase() ? EmbeddedDatabase.start(config.dataDir()) : null;
        try {
            ServiceDatabase database = ServiceDatabase.of(config, embedded);
            DataSourcesConfig dataSources = dataSources(config, database.url(), keys);

            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("micronaut.server.port", config.port());
            properties.putAll(database.poolProperties());
            properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", keys.ownerJwtSecret());
            properties.put("sharing.public-base-url", config.publicBaseUrl(config.port()));
            properties.put("sharing.env", config.environmentName());
            // Dotted names (sharing.x.y, micronaut.x) given as "environment" by tests and by -D-less setups.
            config.env().forEach((name, value) -> {
                if (name.startsWith("sharing.") || name.startsWith("micronaut.")) {
                    properties.put(name, value);
                }
            });

            ApplicationContext context = startUnderLock(config, database, keys, dataSources, properties);
            try {
                EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
                return RunningService.started(context, server, embedded);
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * Migrations, the demo data source, the context and the first company, under the start-up
     * lock so that instances started together do this one after another ({@link StartupLock}).
     */
    private static ApplicationContext startUnderLock(ServiceConfig config, ServiceDatabase database, SharingKeys keys,
                                                     DataSourcesConfig dataSources, Map<String, Object> properties) {
        try (StartupLock lock = StartupLock.acquire(database)) {
            SharingDatabase.migrate(database.url(), database.user(), database.password());
            // This month's audit partition and the next ones before the first event: housekeeping's first
            // round comes a minute later, and events written before it into the default partition had to
            // be moved under a lock that held up the audit writer (docs/api.md, audit log partitions).
            new AuditPartitions(DSL.using(lock.session(), SQLDialect.POSTGRES), Housekeeping.AUDIT_RETENTION)
                    .ensure(Instant.now());
            if (config.demo()) {
                DemoDataset.seed(lock.session(), keys.demoReaderPassword());
            }
            ApplicationContext context = ApplicationContext.builder()
                    .environmentPropertySource(false)
                    .propertySources(new EnvironmentVariables(config.env()))
                    .properties(properties)
                    .singletons(keys, dataSources)
                    .deduceEnvironment(false)
                    .start();
            try {
                bootstrap(config, context);
                return context;
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        }
    }

    /** The first company (docs/operations.md): the demo's with its dashboard, or the bootstrap variables'. */
    private static void bootstrap(ServiceConfig config, ApplicationContext context) {
        if (config.demo()) {
            context.getBean(DemoSeeder.class).seed(config.bootstrapCompany().orElseThrow());
            return;
        }
        config.bootstrapCompany().ifPresent(company -> {
            EmailAddress email = EmailAddress.parse(company.adminEmail())
                    .orElseThrow(() -> new IllegalStateException("SHARING_ADMIN_EMAIL is not a valid email address"));
            CompanySlug slug = InvalidValueException.named("SHARING_BOOTSTRAP_COMPANY_SLUG",
                    () -> new CompanySlug(company.slug()));
            context.getBean(BootstrapCompanyUseCase.class).ensure(slug, company.name(), email,
                    company.adminPassword().orElseThrow());
        });
    }

    /**
     * The databases dashboards query (README.md#configuration): every {@code SHARING_DATA_SOURCES_<NAME>_*},
     * plus {@code demo} (schema {@code demo} of the service's own database, through its read-only
     * role) when the demo is on and no {@code demo} is configured.
     */
    static DataSourcesConfig dataSources(ServiceConfig config, String serviceDbUrl, SharingKeys keys) {
        String demoPrefix = DataSourcesConfig.PREFIX + "DEMO_";
        boolean demoConfigured = config.get(demoPrefix + "URL").isPresent();
        if (!config.demo() || demoConfigured) {
            return DataSourcesConfig.fromEnvironment(config.env());
        }
        // The implicit demo source still takes its tuning (_POOL_SIZE, _MAX_CONCURRENT_QUERIES, ...) from the environment.
        Map<String, String> env = new LinkedHashMap<>(config.env());
        env.put(demoPrefix + "URL", serviceDbUrl);
        env.put(demoPrefix + "USER", DemoSeeder.READER_ROLE);
        env.put(demoPrefix + "PASSWORD", keys.demoReaderPassword());
        return DataSourcesConfig.fromEnvironment(env);
    }

    /**
     * A started service; closing it stops the server, the context and the embedded database, in
     * that order, so that what the context writes on its way down (the audit log's queued events)
     * still has a database. The JVM's shutdown (SIGTERM) closes it the same way, through one hook
     * per service, removed when the service is closed before.
     */
    public record RunningService(ApplicationContext context, EmbeddedServer server, EmbeddedDatabase embedded,
                                 Thread shutdownHook) implements AutoCloseable {

        static RunningService started(ApplicationContext context, EmbeddedServer server, EmbeddedDatabase embedded) {
            RunningService[] service = new RunningService[1];
            Thread hook = new Thread(() -> service[0].close(), "sharing-shutdown");
            service[0] = new RunningService(context, server, embedded, hook);
            Runtime.getRuntime().addShutdownHook(hook);
            return service[0];
        }

        public int port() {
            return server.getPort();
        }

        @Override
        public synchronized void close() {
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is already running its hooks, this one among them: it finds the service closed.
                }
            }
            try {
                if (server.isRunning()) {
                    server.stop();
                }
                if (context.isRunning()) {
                    context.close();
                }
            } finally {
                if (embedded != null) {
                    embedded.close();
                }
            }
        }
    }
}
