package io.dashshare.bootstrap;

import io.dashshare.application.service.Audit;
import io.dashshare.adapter.crypto.AesGcmSealer;
import io.dashshare.application.port.in.DeliverMailUseCase;
import io.dashshare.application.port.in.ManagePortalSessionsUseCase;
import io.dashshare.application.port.in.PortalLogoutUseCase;
import io.dashshare.application.port.in.RefreshPortalSessionUseCase;
import io.dashshare.application.port.in.RequestCodeUseCase;
import io.dashshare.application.port.in.VerifyCodeUseCase;
import io.dashshare.application.port.in.ViewSharePortalUseCase;
import io.dashshare.application.service.CodeHashes;
import io.dashshare.application.service.DashboardRunner;
import io.dashshare.application.service.DeliverMailService;
import io.dashshare.application.service.ExecutionQuotas;
import io.dashshare.application.service.FilterOptionsRunner;
import io.dashshare.application.service.Keyed;
import io.dashshare.application.service.MailQueue;
import io.dashshare.application.service.ManagePortalSessionsService;
import io.dashshare.application.service.PortalLogoutService;
import io.dashshare.application.service.PortalSessions;
import io.dashshare.application.service.RefreshPortalSessionService;
import io.dashshare.application.service.RequestCodeService;
import io.dashshare.application.service.ShareAccessTokens;
import io.dashshare.application.service.SharingSettings;
import io.dashshare.application.service.VerifyCodeService;
import io.dashshare.application.service.ViewSharePortalService;
import io.dashshare.bootstrap.config.SharingKeys;
import io.dashshare.bootstrap.config.SharingProperties;
import io.dashshare.bootstrap.ops.ServiceMetrics;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.InviteMailer;
import io.dashshare.domain.port.MailOutbox;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.Sealer;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.port.ViewerLookups;
import io.dashshare.domain.port.TokenSigner;
import io.dashshare.domain.port.UnitOfWork;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The email portal's wiring: one-time codes through the mail outbox, portal sessions and their
 * share-access tokens, and the portal's views (docs/api.md, share auth and share portal).
 */
@Factory
public class PortalFactory {

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
                                   Clock clock, SharingSettings settings, ServiceMetrics metrics, Audit audit) {
        return new RequestCodeService(companies, contexts, shares, catalog, challenges, metrics.limiter(limiter),
                mails, unitOfWork, hashes, random, clock, settings, audit);
    }

    @Singleton
    ManagePortalSessionsUseCase managePortalSessions(ShareContextRepository contexts, ShareSessionRepository sessions,
                                                     Clock clock, Audit audit) {
        return new ManagePortalSessionsService(contexts, sessions, clock, audit);
    }

    @Singleton
    VerifyCodeUseCase verifyCode(CompanyRepository companies, ShareContextRepository contexts,
                                 OtpChallengeRepository challenges, ShareSessionRepository sessions, RateLimiter limiter,
                                 CodeHashes hashes, PortalSessions portalSessions, UnitOfWork unitOfWork,
                                 RandomSource random, Clock clock, SharingSettings settings, ServiceMetrics metrics, Audit audit) {
        return new VerifyCodeService(companies, contexts, challenges, sessions, metrics.limiter(limiter), hashes,
                portalSessions, unitOfWork, random, clock, settings, audit);
    }

    @Singleton
    RefreshPortalSessionUseCase refreshPortalSession(CompanyRepository companies, ShareContextRepository contexts,
                                                     ShareSessionRepository sessions, PortalSessions portalSessions,
                                                     UnitOfWork unitOfWork, Clock clock) {
        return new RefreshPortalSessionService(companies, contexts, sessions, portalSessions, unitOfWork, clock);
    }

    @Singleton
    PortalLogoutUseCase portalLogout(ShareSessionRepository sessions, ShareAccessTokens accessTokens, Clock clock, Audit audit) {
        return new PortalLogoutService(sessions, accessTokens, clock, audit);
    }

    @Singleton
    ViewSharePortalUseCase viewSharePortal(ShareAccessTokens accessTokens, ViewerLookups lookups,
                                           ShareSessionRepository sessions, DashboardCatalog catalog,
                                           DashboardRunner runner, FilterOptionsRunner options, ExecutionQuotas quotas,
                                           Clock clock, Audit audit) {
        return new ViewSharePortalService(accessTokens, lookups, sessions, catalog, runner, options, quotas, clock,
                audit);
    }
}
