package io.dashshare.application.service;

import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.port.in.VerifyCodeUseCase;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.portal.OneTimeCode;
import io.dashshare.domain.portal.OtpChallenge;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanySlug;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A one-time code for a portal session (docs/security.md, one-time codes): at most five tries per
 * code, at most a hundred failures per email an hour whatever the client address, and
 * check-and-consume in the store, so thirty verifies at once make one session. Spending the code
 * and opening the session are one transaction: a failure between them leaves the code usable;
 * the failure counts are kept outside it, so a refusal never rolls them back.
 */
public final class VerifyCodeService implements VerifyCodeUseCase {

    private static final Duration FAILURE_WINDOW = Duration.ofHours(1);

    private final CompanyRepository companies;
    private final ShareContextRepository contexts;
    private final OtpChallengeRepository challenges;
    private final ShareSessionRepository sessions;
    private final RateLimiter limiter;
    private final CodeHashes hashes;
    private final PortalSessions portalSessions;
    private final UnitOfWork unitOfWork;
    private final RandomSource random;
    private final Clock clock;
    private final SharingSettings settings;
    private final Audit audit;

    public VerifyCodeService(CompanyRepository companies, ShareContextRepository contexts,
                             OtpChallengeRepository challenges, ShareSessionRepository sessions, RateLimiter limiter,
                             CodeHashes hashes, PortalSessions portalSessions, UnitOfWork unitOfWork,
                             RandomSource random, Clock clock, SharingSettings settings, Audit audit) {
        this.companies = companies;
        this.contexts = contexts;
        this.challenges = challenges;
        this.sessions = sessions;
        this.limiter = limiter;
        this.hashes = hashes;
        this.portalSessions = portalSessions;
        this.unitOfWork = unitOfWork;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public PortalTokens verify(CompanySlug companySlug, EmailAddress email, OneTimeCode presented,
                               AuditClient client) {
        Optional<Company> known = companies.findBySlug(companySlug);
        try {
            PortalTokens tokens = verify(known, email, presented);
            known.ifPresent(c -> draft(AuditType.PORTAL_SIGNED_IN, c, email, client)
                    .detail("contexts", tokens.contexts().size()).ok());
            return tokens;
        } catch (RuntimeException e) {
            known.ifPresent(c -> draft(AuditType.PORTAL_SIGN_IN_FAILED, c, email, client).failed(e));
            throw e;
        }
    }

    private Audit.Draft draft(AuditType type, Company company, EmailAddress email, AuditClient client) {
        return audit.event(type, AuditFlow.PORTAL, company.id(), new AuditActor.Email(email.value()), client);
    }

    private PortalTokens verify(Optional<Company> known, EmailAddress email, OneTimeCode presented) {
        Instant now = clock.instant();
        String failures = "otp-failures:" + email.value();
        if (limiter.count(failures, FAILURE_WINDOW, now) >= settings.codes().failuresPerEmailPerHour()) {
            throw new RateLimitedException(FAILURE_WINDOW);
        }
        Optional<Company> company = known.filter(Company::isActive);
        Optional<OtpChallenge> challenge = company.flatMap(c -> challenges.findLatest(c.id(), email));
        if (company.isEmpty() || challenge.isEmpty() || !challenge.get().isUsable(now)) {
            throw codeInvalid(failures, now);
        }
        OtpChallenge current = challenge.get();
        // Every try is counted atomically before the comparison: guesses sent at once are held to
        // the same five tries as guesses sent one by one (recordFailure alone counts too late).
        if (!limiter.hit("otp-attempts:" + current.id(), OtpChallenge.MAX_FAILED_ATTEMPTS, settings.codes().validity(),
                now).allowed()) {
            throw codeInvalid(failures, now);
        }
        if (!Keyed.sameDigest(hashes.of(current.id(), company.get(), email, presented), current.codeHash())) {
            challenges.recordFailure(current.id());
            throw codeInvalid(failures, now);
        }
        return unitOfWork.inTransaction(() -> openSession(current, company.get(), email, now))
                .orElseThrow(() -> codeInvalid(failures, now));
    }

    /** Spends the code and opens the session, or nothing when the code was spent meanwhile or the person left. */
    private Optional<PortalTokens> openSession(OtpChallenge challenge, Company company, EmailAddress email,
                                               Instant now) {
        if (!challenges.consume(challenge.id(), now, OtpChallenge.MAX_FAILED_ATTEMPTS)) {
            return Optional.empty();
        }
        List<ShareContext> memberOf = contexts.contextsOf(company.id(), email, now);
        if (memberOf.isEmpty()) {
            return Optional.empty();
        }
        ShareSession session = ShareSession.open(new SessionId(random.uuid()), company.id(), email, now,
                settings.tokens().sessionLifetime());
        sessions.create(session);
        return Optional.of(portalSessions.tokens(session, company, memberOf, now));
    }

    private SharingException codeInvalid(String failuresKey, Instant now) {
        limiter.hit(failuresKey, Integer.MAX_VALUE, FAILURE_WINDOW, now);
        return new SharingException(ErrorCode.CODE_INVALID, "The code is wrong, expired or already used.");
    }
}
