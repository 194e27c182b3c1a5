package io.dashshare.bootstrap;

import io.dashshare.application.service.PortalLogoutService;
import io.dashshare.application.service.RefreshPortalSessionService;
import io.dashshare.application.service.RequestCodeService;
import io.dashshare.application.service.VerifyCodeService;

import io.dashshare.application.port.in.PortalLogoutUseCase;
import io.dashshare.application.port.in.RefreshPortalSessionUseCase;
import io.dashshare.application.port.in.RequestCodeUseCase;
import io.dashshare.application.port.in.VerifyCodeUseCase;
import io.dashshare.application.service.CodeHashes;
import io.dashshare.application.service.ExecutionQuotas;
import io.dashshare.application.service.FilterOptionsRunner;
import io.dashshare.application.service.PortalSessions;

import io.dashshare.application.service.SharingSettings;
import io.dashshare.adapter.cache.CaffeineResultCache;
import io.dashshare.adapter.crypto.AesGcmSealer;
import io.dashshare.adapter.crypto.Argon2PasswordHasher;
import io.dashshare.application.port.in.DeliverMailUseCase;
import io.dashshare.application.port.in.ManagePortalSessionsUseCase;
import io.dashshare.application.service.DeliverMailService;
import io.dashshare.application.service.MailQueue;
import io.dashshare.application.service.ManagePortalSessionsService;
import io.dashshare.domain.port.InviteMailer;
import io.dashshare.domain.port.MailOutbox;
import io.dashshare.domain.port.Sealer;
import io.dashshare.adapter.crypto.NimbusTokenSigner;
import io.dashshare.adapter.crypto.SecureRandomSource;
import io.dashshare.application.port.in.IssueEmbedTokenUseCase;
import io.dashshare.application.port.in.ManageCompanyUseCase;
import io.dashshare.application.port.in.ManageDashboardsUseCase;
import io.dashshare.application.port.in.ManageEmbedKeysUseCase;
import io.dashshare.application.port.in.ManageShareContextsUseCase;
import io.dashshare.application.port.in.ManageSharesUseCase;
import io.dashshare.application.port.in.PreviewDashboardUseCase;
import io.dashshare.application.port.in.ViewEmbedUseCase;
import io.dashshare.application.port.in.ViewPublicShareUseCase;
import io.dashshare.application.port.in.ViewSharePortalUseCase;
import io.dashshare.application.service.Keyed;
import io.dashshare.application.service.DashboardRunner;
import io.dashshare.application.service.EmbedKeyRing;
import io.dashshare.application.service.EmbedTokens;
import io.dashshare.application.service.IssueEmbedTokenService;
import io.dashshare.application.service.ManageCompanyService;
import io.dashshare.application.service.ManageDashboardsService;
import io.dashshare.application.service.ManageEmbedKeysService;
import io.dashshare.application.service.ManageShareContextsService;
import io.dashshare.application.service.ManageSharesService;
import io.dashshare.application.service.PreviewDashboardService;
import io.dashshare.application.service.ShareAccessTokens;
import io.dashshare.application.service.ViewEmbedService;
import io.dashshare.application.service.ViewPublicShareService;
import io.dashshare.application.service.ViewSharePortalService;
import io.dashshare.application.service.WidgetFanOut;
import io.dashshare.bootstrap.config.SharingKeys;
import io.dashshare.bootstrap.config.SharingProperties;
import io.dashshare.bootstrap.ops.ServiceMetrics;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.EmbedKeyRepository;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.port.PasswordHasher;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.ResultCache;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.port.TokenSigner;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.port.ViewerLookups;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires the plain-Java use cases to the adapters' ports. The only place that knows both sides.
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
        return new CaffeineResultCache(clock, cache.ttl(), cache.maxEntries(), settings.queries().timeout().plusSeconds(1));
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

    /** The widgets of one execution side by side, within its deadline (docs/operations.md). */
    @Singleton
    DashboardRunner dashboardRunner(QueryExecutor executor, ResultCache cache, ExecutionQuotas quotas,
                                    SharingSettings settings, ServiceMetrics metrics, WidgetThreads threads,
                                    SharingProperties.Query query) {
        WidgetFanOut fanOut = new WidgetFanOut(threads, query.widgetsInParallel(), query.executionDeadline());
        return new DashboardRunner(metrics.queries(executor), metrics.cache(cache), quotas, settings, fanOut);
    }

    @Singleton
    FilterOptionsRunner filterOptionsRunner(QueryExecutor executor, ResultCache cache, ExecutionQuotas quotas,
                                            SharingSettings settings, ServiceMetrics metrics) {
        return new FilterOptionsRunner(metrics.queries(executor), metrics.cache(cache), quotas, settings);
    }

    @Singleton
    ManageDashboardsUseCase manageDashboards(DashboardCatalog catalog, QueryExecutor executor, RandomSource random,
                                             UnitOfWork unitOfWork, Clock clock) {
        return new ManageDashboardsService(catalog, executor, random, unitOfWork, clock);
    }

    @Singleton
    PreviewDashboardUseCase previewDashboard(DashboardCatalog catalog, DashboardRunner runner,
                                             FilterOptionsRunner options) {
        return new PreviewDashboardService(catalog, runner, options);
    }

    @Singleton
    ManageSharesUseCase manageShares(ShareRepository shares, DashboardCatalog catalog, ShareContextRepository contexts,
                                     RandomSource random, UnitOfWork unitOfWork, Clock clock,
                                     SharingSettings settings) {
        return new ManageSharesService(shares, catalog, contexts, random, unitOfWork, clock, settings);
    }

    @Singleton
    ViewPublicShareUseCase viewPublicShare(ViewerLookups lookups, DashboardRunner runner, FilterOptionsRunner options,
                                           ExecutionQuotas quotas, Clock clock) {
        return new ViewPublicShareService(lookups, runner, options, quotas, clock);
    }

    @Singleton
    ManageShareContextsUseCase manageShareContexts(ShareContextRepository contexts, RandomSource random,
                                                   UnitOfWork unitOfWork, Clock clock) {
        return new ManageShareContextsService(contexts, random, unitOfWork, clock);
    }

    @Singleton
    ShareAccessTokens shareAccessTokens(TokenSigner signer, SharingKeys keys, RandomSource random, Clock clock,
                                        SharingSettings settings) {
        return new ShareAccessTokens(signer, keys.shareAccess(), random, clock, settings);
    }

    @Singleton
    CodeHashes codeHashes(SharingKeys keys) {
        return new CodeHashes(new Keyed(keys.codeHmac()));
    }

    @Singleton
    PortalSessions portalSessions(ShareSessionRepository sessions, ShareAccessTokens accessTokens, RandomSource random) {
        return new PortalSessions(sessions, accessTokens, random);
    }

    /** Queued mail bodies are sealed with a key of their own, derived from SHARING_SECRET (README, mail outbox). */
    @Singleton
    Sealer mailSealer(SharingKeys keys) {
        return new AesGcmSealer(keys.mailOutbox());
    }

    @Singleton
    MailQueue mailQueue(MailOutbox outbox, Sealer sealer, RandomSource random, ServiceMetrics metrics) {
        return new MailQueue(metrics.outbox(outbox), sealer, random);
    }

    /** Run by {@code OutboxSender} on every instance; the outbox itself keeps two from sending one mail. */
    @Singleton
    DeliverMailUseCase deliverMail(MailOutbox outbox, MailQueue queue, OneTimeCodeMailer mailer,
                                   InviteMailer inviteMailer, Clock clock, SharingProperties.Outbox settings,
                                   ServiceMetrics metrics) {
        return new DeliverMailService(metrics.outbox(outbox), queue, mailer, inviteMailer, clock,
                new DeliverMailService.Backoff(settings.firstRetry(), settings.maxRetry(),
                        DeliverMailService.Backoff.DEFAULTS.batch()));
    }

    @Singleton
    RequestCodeUseCase requestCode(CompanyRepository companies, ShareContextRepository contexts, ShareRepository shares,
                                   DashboardCatalog catalog, OtpChallengeRepository challenges, RateLimiter limiter,
                                   MailQueue mails, UnitOfWork unitOfWork, CodeHashes hashes, RandomSource random,
                                   Clock clock, SharingSettings settings, ServiceMetrics metrics) {
        return new RequestCodeService(companies, contexts, shares, catalog, challenges, metrics.limiter(limiter),
                mails, unitOfWork, hashes, random, clock, settings);
    }

    @Singleton
    ManagePortalSessionsUseCase managePortalSessions(ShareContextRepository contexts, ShareSessionRepository sessions,
                                                     Clock clock) {
        return new ManagePortalSessionsService(contexts, sessions, clock);
    }

    @Singleton
    VerifyCodeUseCase verifyCode(CompanyRepository companies, ShareContextRepository contexts,
                                 OtpChallengeRepository challenges, ShareSessionRepository sessions, RateLimiter limiter,
                                 CodeHashes hashes, PortalSessions portalSessions, UnitOfWork unitOfWork,
                                 RandomSource random, Clock clock, SharingSettings settings, ServiceMetrics metrics) {
        return new VerifyCodeService(companies, contexts, challenges, sessions, metrics.limiter(limiter), hashes,
                portalSessions, unitOfWork, random, clock, settings);
    }

    @Singleton
    RefreshPortalSessionUseCase refreshPortalSession(CompanyRepository companies, ShareContextRepository contexts,
                                                     ShareSessionRepository sessions, PortalSessions portalSessions,
                                                     UnitOfWork unitOfWork, Clock clock) {
        return new RefreshPortalSessionService(companies, contexts, sessions, portalSessions, unitOfWork, clock);
    }

    @Singleton
    PortalLogoutUseCase portalLogout(ShareSessionRepository sessions, ShareAccessTokens accessTokens, Clock clock) {
        return new PortalLogoutService(sessions, accessTokens, clock);
    }

    @Singleton
    ViewSharePortalUseCase viewSharePortal(ShareAccessTokens accessTokens, ShareSessionRepository sessions,
                                           CompanyRepository companies, ShareContextRepository contexts,
                                           ShareRepository shares, DashboardCatalog catalog, DashboardRunner runner,
                                           FilterOptionsRunner options, ExecutionQuotas quotas, Clock clock) {
        return new ViewSharePortalService(accessTokens, sessions, companies, contexts, shares, catalog, runner, options,
                quotas, clock);
    }

    @Singleton
    EmbedKeyRing embedKeyRing(EmbedKeyRepository keys, RandomSource random, Clock clock) {
        return new EmbedKeyRing(keys, random, clock);
    }

    @Singleton
    EmbedTokens embedTokens(TokenSigner signer, ViewerLookups lookups, Clock clock, SharingSettings settings) {
        return new EmbedTokens(signer, lookups, clock, settings);
    }

    @Singleton
    IssueEmbedTokenUseCase issueEmbedToken(DashboardCatalog catalog, CompanyRepository companies, EmbedKeyRing keyRing,
                                           EmbedTokens tokens, RandomSource random, Clock clock,
                                           SharingSettings settings) {
        return new IssueEmbedTokenService(catalog, companies, keyRing, tokens, random, clock, settings);
    }

    @Singleton
    ManageEmbedKeysUseCase manageEmbedKeys(EmbedKeyRepository keys, EmbedKeyRing keyRing, DashboardCatalog catalog,
                                           UnitOfWork unitOfWork, Clock clock) {
        return new ManageEmbedKeysService(keys, keyRing, catalog, unitOfWork, clock);
    }

    @Singleton
    ViewEmbedUseCase viewEmbed(EmbedTokens tokens, DashboardRunner runner, FilterOptionsRunner options,
                               ExecutionQuotas quotas) {
        return new ViewEmbedService(tokens, runner, options, quotas);
    }

    @Singleton
    ManageCompanyUseCase manageCompany(CompanyRepository companies, UnitOfWork unitOfWork) {
        return new ManageCompanyService(companies, unitOfWork);
    }
}
