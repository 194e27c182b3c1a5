package io.dashshare.bootstrap;

import io.dashshare.application.service.Audit;
import io.dashshare.adapter.cache.CaffeineResultCache;
import io.dashshare.adapter.crypto.Argon2PasswordHasher;
import io.dashshare.adapter.crypto.NimbusTokenSigner;
import io.dashshare.adapter.crypto.SecureRandomSource;
import io.dashshare.application.port.in.ManageCompanyUseCase;
import io.dashshare.application.port.in.ManageDashboardsUseCase;
import io.dashshare.application.port.in.ManageShareContextsUseCase;
import io.dashshare.application.port.in.ManageSharesUseCase;
import io.dashshare.application.port.in.PreviewDashboardUseCase;
import io.dashshare.application.port.in.ViewPublicShareUseCase;
import io.dashshare.application.service.DashboardRunner;
import io.dashshare.application.service.ExecutionQuotas;
import io.dashshare.application.service.FilterOptionsRunner;
import io.dashshare.application.service.ManageCompanyService;
import io.dashshare.application.service.ManageDashboardsService;
import io.dashshare.application.service.ManageShareContextsService;
import io.dashshare.application.service.ManageSharesService;
import io.dashshare.application.service.PreviewDashboardService;
import io.dashshare.application.service.ResultMemory;
import io.dashshare.application.service.SharingSettings;
import io.dashshare.application.service.ViewPublicShareService;
import io.dashshare.application.service.WidgetFanOut;
import io.dashshare.bootstrap.config.SharingProperties;
import io.dashshare.bootstrap.ops.ServiceMetrics;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.ResultCache;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.port.TokenSigner;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.port.ViewerLookups;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the plain-Java use cases to the adapters' ports, with {@link PortalFactory}, {@link EmbedFactory}
 * and {@link TeamFactory} beside it: the only place that knows both sides. Here: the shared parts
 * (clock, randomness, signing, settings, execution) and the owner's dashboards, shares and public links.
 */
@Factory
public class SharingFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    RandomSource randomSource() {
        return new SecureRandomSource();
    }

    @Singleton
    PasswordHasher passwordHasher() {
        return new Argon2PasswordHasher();
    }

    /** Embed and share-access tokens on nimbus-jose-jwt, the JWS library the owner tokens use too. */
    @Singleton
    TokenSigner tokenSigner() {
        return new NimbusTokenSigner();
    }

    @Singleton
    SharingSettings settings(@Value("${sharing.public-base-url}") String publicBaseUrl, SharingProperties.Query query,
                             SharingProperties.Export export, SharingProperties.Otp otp,
                             SharingProperties.Limits limits) {
        SharingSettings.Queries queries = SharingSettings.Queries.DEFAULTS;
        return SharingSettings.defaults(publicBaseUrl)
                .withQueries(new SharingSettings.Queries(query.timeout(), query.maxRows(), queries.maxOptionRows(),
                        queries.maxSearchLength(), export.maxRows()))
                .withCodes(SharingSettings.Codes.DEFAULTS.withMinimumRequestTime(otp.minimumRequestTime()))
                .withLimits(new SharingSettings.Limits(limits.executionsPerSharePerMinute(),
                        limits.executionsPerEmbedDashboardPerMinute()));
    }

    /** A waiter shares another request's execution at most as long as a statement may run. */
    @Singleton
    ResultCache resultCache(Clock clock, SharingProperties.Cache cache, SharingSettings settings) {
        return new CaffeineResultCache(clock, cache.ttl(), cache.maxEntries(), cache.maxBytes(), settings.queries().timeout().plusSeconds(1));
    }

    /**
     * Execution quotas count in {@link RateLimiter}, the PostgreSQL one: a per-share limit must
     * hold however many instances serve the link. The per-data-source concurrency cap, by
     * contrast, is a local bound inside the query executor (it protects this instance's pool).
     */
    @Singleton
    ExecutionQuotas executionQuotas(RateLimiter limiter, Clock clock, SharingSettings settings, ServiceMetrics metrics) {
        return new ExecutionQuotas(metrics.limiter(limiter), clock, settings);
    }

    @Singleton
    @Bean(preDestroy = "close")
    WidgetThreads widgetThreads(SharingProperties.Query query) {
        return new WidgetThreads(query.widgetThreads());
    }

    /**
     * The rows executions may hold: a fifth of this heap in flight and half of that an execution,
     * unless set (docs/filters.md, "Memory of an execution"); one execution's part is at most the whole.
     * Made with the context, so that bounds which do not fit stop the start instead of a first execution.
     */
    @Context
    ResultMemory resultMemory(SharingProperties.Query query, ServiceMetrics metrics) {
        ResultMemory heap = ResultMemory.forHeap(Runtime.getRuntime().maxMemory());
        long total = query.memory() == null ? heap.total() : query.memory();
        long perExecution = query.maxExecutionBytes() == null ? total / 2 : query.maxExecutionBytes();
        try {
            return metrics.resultMemory(new ResultMemory(total, perExecution, heap.maxWait()));
        } catch (IllegalArgumentException e) {
            // Without the cause: the start's message is the deepest one (Application), and this one names the settings.
            throw new IllegalStateException("SHARING_QUERY_MEMORY (" + total + " bytes) must be at least 64KB and "
                    + "at least SHARING_QUERY_MAX_EXECUTION_BYTES (" + perExecution + " bytes, at least 1)");
        }
    }

    /** The widgets of one execution side by side, within its deadline (docs/operations.md). */
    @Singleton
    DashboardRunner dashboardRunner(QueryExecutor executor, ResultCache cache, ExecutionQuotas quotas,
                                    SharingSettings settings, ServiceMetrics metrics, WidgetThreads threads,
                                    SharingProperties.Query query, ResultMemory memory) {
        WidgetFanOut fanOut = new WidgetFanOut(threads, query.widgetsInParallel(), query.executionDeadline());
        return new DashboardRunner(metrics.queries(executor), metrics.cache(cache), quotas, settings, fanOut, memory);
    }

    @Singleton
    FilterOptionsRunner filterOptionsRunner(QueryExecutor executor, ResultCache cache, ExecutionQuotas quotas,
                                            SharingSettings settings, ServiceMetrics metrics) {
        return new FilterOptionsRunner(metrics.queries(executor), metrics.cache(cache), quotas, settings);
    }

    @Singleton
    ManageDashboardsUseCase manageDashboards(DashboardCatalog catalog, QueryExecutor executor, RandomSource random,
                                             UnitOfWork unitOfWork, Clock clock, Audit audit) {
        return new ManageDashboardsService(catalog, executor, random, unitOfWork, clock, audit);
    }

    @Singleton
    PreviewDashboardUseCase previewDashboard(DashboardCatalog catalog, DashboardRunner runner,
                                             FilterOptionsRunner options, Audit audit) {
        return new PreviewDashboardService(catalog, runner, options, audit);
    }

    @Singleton
    ManageSharesUseCase manageShares(ShareRepository shares, DashboardCatalog catalog, ShareContextRepository contexts,
                                     RandomSource random, UnitOfWork unitOfWork, Clock clock,
                                     SharingSettings settings, Audit audit) {
        return new ManageSharesService(shares, catalog, contexts, random, unitOfWork, clock, settings, audit);
    }

    @Singleton
    ViewPublicShareUseCase viewPublicShare(ViewerLookups lookups, DashboardRunner runner, FilterOptionsRunner options,
                                           ExecutionQuotas quotas, Clock clock, Audit audit) {
        return new ViewPublicShareService(lookups, runner, options, quotas, clock, audit);
    }

    @Singleton
    ManageShareContextsUseCase manageShareContexts(ShareContextRepository contexts, RandomSource random,
                                                   UnitOfWork unitOfWork, Clock clock, Audit audit) {
        return new ManageShareContextsService(contexts, random, unitOfWork, clock, audit);
    }

    @Singleton
    ManageCompanyUseCase manageCompany(CompanyRepository companies, UnitOfWork unitOfWork, Audit audit) {
        return new ManageCompanyService(companies, unitOfWork, audit);
    }
}
