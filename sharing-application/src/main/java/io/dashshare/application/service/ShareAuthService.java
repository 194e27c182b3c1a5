package io.dashshare.application.service;

import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.port.in.ShareAuthUseCase;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.Slugs;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.portal.OneTimeCode;
import io.dashshare.domain.portal.OtpChallenge;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.portal.RefreshOutcome;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanySlug;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One-time-code login (SECURITY.md requirements 1-8, 25). The request path answers alike for
 * members, strangers and unknown companies; verification is check-and-consume in the store.
 */
public final class ShareAuthService implements ShareAuthUseCase {

    private static final System.Logger LOG = System.getLogger(ShareAuthService.class.getName());
    private static final Duration FAILURE_WINDOW = Duration.ofHours(1);

    private final CompanyRepository companies;
    private final ShareContextRepository contexts;
    private final ShareRepository shares;
    private final DashboardCatalog catalog;
    private final OtpChallengeRepository challenges;
    private final ShareSessionRepository sessions;
    private final RateLimiter limiter;
    private final OneTimeCodeMailer mailer;
    private final ShareAccessTokens accessTokens;
    private final Keyed codeHasher;
    private final RandomSource random;
    private final Clock clock;
    private final SharingSettings settings;
    private final ResponsePacer pacer;

    public ShareAuthService(CompanyRepository companies, ShareContextRepository contexts, ShareRepository shares,
                            DashboardCatalog catalog, OtpChallengeRepository challenges,
                            ShareSessionRepository sessions, RateLimiter limiter, OneTimeCodeMailer mailer,
                            ShareAccessTokens accessTokens, Keyed codeHasher, RandomSource random, Clock clock,
                            SharingSettings settings) {
        this.companies = companies;
        this.contexts = contexts;
        this.shares = shares;
        this.catalog = catalog;
        this.challenges = challenges;
        this.sessions = sessions;
        this.limiter = limiter;
        this.mailer = mailer;
        this.accessTokens = accessTokens;
        this.codeHasher = codeHasher;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
        this.pacer = new ResponsePacer(settings.minimumCodeRequestTime());
    }

    @Override
    public void requestCode(String companySlug, String email, String clientAddress) {
        EmailAddress address = EmailAddress.parseField("email", email);
        requireSlugShape(companySlug);
        Instant now = clock.instant();
        throttle("otp-request:email:" + address.value(), settings.codeRequestsPerEmail(), now);
        throttle("otp-request:client:" + clientAddress, settings.codeRequestsPerClient(), now);
        pacer.paced(() -> {
            Optional<Company> company = eligibleCompany(companySlug, address, now);
            company.ifPresent(c -> sendCode(c, address, now));
            return company.isPresent();
        });
    }

    private void sendCode(Company company, EmailAddress email, Instant now) {
        OneTimeCode code = OneTimeCode.fromUniform(random.nextInt(OneTimeCode.SPACE));
        OtpChallengeId id = new OtpChallengeId(random.uuid());
        OtpChallenge challenge = OtpChallenge.create(id, company.id(), email, codeHash(id, company, email, code), now,
                settings.codeValidity());
        challenges.replace(challenge);
        try {
            mailer.send(new OneTimeCodeMailer.Message(email, company.name(), company.slug().value(), code,
                    settings.codeValidity(), settings.publicBaseUrl() + "/portal/" + company.slug().value()));
        } catch (OneTimeCodeMailer.DeliveryFailedException e) {
            challenges.delete(id);
            LOG.log(System.Logger.Level.ERROR, "one-time code mail to a member of company {0} failed: {1}",
                    company.slug(), e.getMessage());
            throw new SharingException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The code could not be sent right now; try again later.");
        }
    }

    /** The company, if the email is a member of one of its contexts that has a live share. */
    private Optional<Company> eligibleCompany(String companySlug, EmailAddress email, Instant now) {
        return companies.findBySlug(new CompanySlug(companySlug)).filter(company -> {
            List<ShareContext> memberOf = contexts.contextsOf(company.id(), email);
            return !memberOf.isEmpty() && shares.listByContexts(company.id(), memberOf.stream().map(ShareContext::id)
                    .toList()).stream().anyMatch(s -> s.isLive(now)
                    && catalog.findById(company.id(), s.dashboardId()).isPresent());
        });
    }

    @Override
    public PortalTokens verify(String companySlug, String email, String code) {
        EmailAddress address = EmailAddress.parseField("email", email);
        OneTimeCode presented = OneTimeCode.parse(code).orElseThrow(() -> SharingException.invalidRequest("code",
                "code must be 8 digits, optionally written 1234-5678"));
        requireSlugShape(companySlug);
        Instant now = clock.instant();
        String failures = "otp-failures:" + address.value();
        if (limiter.count(failures, FAILURE_WINDOW, now) >= settings.failedCodesPerEmailPerHour()) {
            throw new RateLimitedException(FAILURE_WINDOW);
        }
        Optional<Company> company = companies.findBySlug(new CompanySlug(companySlug));
        Optional<OtpChallenge> challenge = company.flatMap(c -> challenges.findLatest(c.id(), address));
        if (company.isEmpty() || challenge.isEmpty() || !challenge.get().isUsable(now)) {
            throw codeInvalid(failures, now);
        }
        OtpChallenge current = challenge.get();
        // Every try is counted atomically before the comparison: guesses sent at once are held to
        // the same five tries as guesses sent one by one (recordFailure alone counts too late).
        if (!limiter.hit("otp-attempts:" + current.id(), OtpChallenge.MAX_FAILED_ATTEMPTS, settings.codeValidity(),
                now).allowed()) {
            throw codeInvalid(failures, now);
        }
        if (!Keyed.sameDigest(codeHash(current.id(), company.get(), address, presented), current.codeHash())) {
            challenges.recordFailure(current.id());
            throw codeInvalid(failures, now);
        }
        if (!challenges.consume(current.id(), now, OtpChallenge.MAX_FAILED_ATTEMPTS)) {
            throw codeInvalid(failures, now);
        }
        List<ShareContext> memberOf = contexts.contextsOf(company.get().id(), address);
        if (memberOf.isEmpty()) {
            throw codeInvalid(failures, now);
        }
        ShareSession session = new ShareSession(new SessionId(random.uuid()), company.get().id(), address, now,
                now.plus(settings.sessionLifetime()), Optional.empty());
        sessions.create(session);
        return tokens(session, company.get(), memberOf, now);
    }

    @Override
    public PortalTokens refresh(String refreshToken) {
        if (!SecretToken.hasTokenShape(refreshToken)) {
            throw SharingException.tokenInvalid();
        }
        Instant now = clock.instant();
        RefreshOutcome outcome = sessions.spendRefreshToken(SecretToken.hashOfPresented(refreshToken), now);
        if (outcome instanceof RefreshOutcome.Replayed replayed) {
            sessions.revoke(replayed.session().id(), now);
            LOG.log(System.Logger.Level.WARNING, "refresh token replayed: session {0} revoked",
                    replayed.session().id());
            throw SharingException.tokenInvalid();
        }
        if (!(outcome instanceof RefreshOutcome.Rotated rotated) || !rotated.session().isActive(now)) {
            throw SharingException.tokenInvalid();
        }
        ShareSession session = rotated.session();
        Company company = companies.findById(session.companyId()).orElseThrow(SharingException::tokenInvalid);
        List<ShareContext> memberOf = contexts.contextsOf(company.id(), session.email());
        if (memberOf.isEmpty()) {
            sessions.revoke(session.id(), now);
            throw SharingException.tokenInvalid();
        }
        return tokens(session, company, memberOf, now);
    }

    @Override
    public void logout(Optional<String> accessToken, Optional<String> refreshToken) {
        Instant now = clock.instant();
        accessToken.ifPresent(token -> {
            try {
                sessions.revoke(accessTokens.verify(token, true).sessionId(), now);
            } catch (SharingException e) {
                // Logging out with a token that is not ours changes nothing.
            }
        });
        refreshToken.filter(SecretToken::hasTokenShape).ifPresent(token -> {
            RefreshOutcome outcome = sessions.spendRefreshToken(SecretToken.hashOfPresented(token), now);
            if (outcome instanceof RefreshOutcome.Rotated r) {
                sessions.revoke(r.session().id(), now);
            } else if (outcome instanceof RefreshOutcome.Replayed r) {
                sessions.revoke(r.session().id(), now);
            }
        });
    }

    private PortalTokens tokens(ShareSession session, Company company, List<ShareContext> memberOf, Instant now) {
        SecretToken refresh = SecretToken.fromRandomBytes(random.bytes(SecretToken.BYTES));
        sessions.addRefreshToken(session.id(), refresh.hash(), now);
        return new PortalTokens(accessTokens.issue(session, company), refresh.value(), accessTokens.ttlSeconds(),
                memberOf);
    }

    private String codeHash(OtpChallengeId id, Company company, EmailAddress email, OneTimeCode code) {
        return codeHasher.hmacHex("otp", id.toString(), company.id().toString(), email.value(), code.digits());
    }

    private SharingException codeInvalid(String failuresKey, Instant now) {
        limiter.hit(failuresKey, Integer.MAX_VALUE, FAILURE_WINDOW, now);
        return new SharingException(ErrorCode.CODE_INVALID, "The code is wrong, expired or already used.");
    }

    private void throttle(String key, int limit, Instant now) {
        var decision = limiter.hit(key, limit, settings.codeRequestWindow(), now);
        if (!decision.allowed()) {
            throw new RateLimitedException(decision.retryAfter());
        }
    }

    /** A malformed slug is refused like any other bad field: it reveals nothing about companies. */
    private static void requireSlugShape(String companySlug) {
        if (companySlug == null || !Slugs.SLUG.matcher(companySlug).matches()) {
            throw new SharingException(ErrorCode.INVALID_REQUEST, "company_slug is not a valid company slug",
                    Map.of("field", "company_slug"));
        }
    }
}
