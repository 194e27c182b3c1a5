package io.dashshare.application.service;

import io.dashshare.application.port.in.RequestCodeUseCase;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.mail.MailKind;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.portal.OneTimeCode;
import io.dashshare.domain.portal.OtpChallenge;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanySlug;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends a one-time code to a person who may see something (docs/security.md, one-time codes).
 * Members, strangers and unknown companies get the same answer in comparable time; only the
 * throttles, which do not depend on membership, can tell a caller anything. The code and its mail
 * are written in one transaction, the mail to the outbox (README, mail outbox): a background
 * sender hands it to SMTP, so an SMTP outage neither fails the request nor tells a member apart.
 */
public final class RequestCodeService implements RequestCodeUseCase {

    private final CompanyRepository companies;
    private final ShareContextRepository contexts;
    private final ShareRepository shares;
    private final DashboardCatalog catalog;
    private final OtpChallengeRepository challenges;
    private final RateLimiter limiter;
    private final MailQueue mails;
    private final UnitOfWork unitOfWork;
    private final CodeHashes hashes;
    private final RandomSource random;
    private final Clock clock;
    private final SharingSettings settings;
    private final ResponsePacer pacer;
    private final Audit audit;

    public RequestCodeService(CompanyRepository companies, ShareContextRepository contexts, ShareRepository shares,
                              DashboardCatalog catalog, OtpChallengeRepository challenges, RateLimiter limiter,
                              MailQueue mails, UnitOfWork unitOfWork, CodeHashes hashes, RandomSource random,
                              Clock clock, SharingSettings settings, Audit audit) {
        this.companies = companies;
        this.contexts = contexts;
        this.shares = shares;
        this.catalog = catalog;
        this.challenges = challenges;
        this.limiter = limiter;
        this.mails = mails;
        this.unitOfWork = unitOfWork;
        this.hashes = hashes;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
        this.pacer = new ResponsePacer(settings.codes().minimumRequestTime());
        this.audit = audit;
    }

    @Override
    public void requestCode(CompanySlug companySlug, EmailAddress email, AuditClient client) {
        Instant now = clock.instant();
        String clientAddress = client.ip() == null ? "unknown" : client.ip();
        // Read by slug alone, for members and strangers alike: the event says nothing about timing.
        Optional<Company> known = companies.findBySlug(companySlug);
        try {
            throttle("otp-request:email:" + email.value(), settings.codes().requestsPerEmail(), now);
            throttle("otp-request:client:" + clientAddress, settings.codes().requestsPerClient(), now);
        } catch (RateLimitedException e) {
            known.ifPresent(c -> draft(c, email, client).failed(e));
            throw e;
        }
        boolean[] sent = new boolean[1];
        pacer.paced(() -> {
            Optional<Company> company = eligibleCompany(known, email, now);
            company.ifPresent(c -> sendCode(c, email, now));
            sent[0] = company.isPresent();
            return sent[0];
        });
        // Strangers too: the company's log shows who asks for its data (the sink never blocks).
        known.ifPresent(c -> draft(c, email, client).detail("sent", sent[0]).ok());
    }

    private Audit.Draft draft(Company company, EmailAddress email, AuditClient client) {
        return audit.event(AuditType.PORTAL_CODE_REQUESTED, AuditFlow.PORTAL, company.id(),
                new AuditActor.Email(email.value()), client);
    }

    private void sendCode(Company company, EmailAddress email, Instant now) {
        OneTimeCode code = OneTimeCode.fromUniform(random.nextInt(OneTimeCode.SPACE));
        OtpChallengeId id = new OtpChallengeId(random.uuid());
        OtpChallenge challenge = OtpChallenge.create(id, company.id(), email, hashes.of(id, company, email, code), now,
                settings.codes().validity());
        OneTimeCodeMailer.Message message = new OneTimeCodeMailer.Message(email, company.name(),
                company.slug().value(), code, settings.codes().validity(),
                settings.publicBaseUrl() + "/portal/" + company.slug().value());
        unitOfWork.run(() -> {
            challenges.replace(challenge);
            // One topic per person and company: a newer code replaces an unsent older one.
            mails.queue(MailKind.ONE_TIME_CODE, email, "one_time_code:" + company.id() + ":" + email.value(),
                    OneTimeCodeMails.body(message), now, challenge.expiresAt());
        });
    }

    /** The company, if the email is a member of one of its contexts that has a live share. */
    private Optional<Company> eligibleCompany(Optional<Company> known, EmailAddress email, Instant now) {
        return known.filter(Company::isActive).filter(company -> {
            List<ShareContext> memberOf = contexts.contextsOf(company.id(), email, now);
            return !memberOf.isEmpty() && shares.listByContexts(company.id(), memberOf.stream().map(ShareContext::id)
                    .toList()).stream().anyMatch(s -> s.isLive(now)
                    && catalog.findById(company.id(), s.dashboardId()).isPresent());
        });
    }

    private void throttle(String key, int limit, Instant now) {
        RateLimiter.Decision decision = limiter.hit(key, limit, settings.codes().requestWindow(), now);
        if (!decision.allowed()) {
            throw new RateLimitedException(decision.retryAfter());
        }
    }
}
