package io.dashshare.application.testing;

import io.dashshare.application.service.Audit;
import io.dashshare.application.service.CodeHashes;
import io.dashshare.domain.audit.ClientIpPolicy;
import io.dashshare.application.service.ExecutionQuotas;
import io.dashshare.application.service.FilterOptionsRunner;
import io.dashshare.application.service.PortalLogoutService;
import io.dashshare.application.service.PortalSessions;
import io.dashshare.application.service.RefreshPortalSessionService;
import io.dashshare.application.service.RequestCodeService;
import io.dashshare.application.service.ResultMemory;
import io.dashshare.application.service.VerifyCodeService;
import io.dashshare.domain.filter.PolicyDraft;
import io.dashshare.domain.portal.OneTimeCode;
import io.dashshare.domain.share.ShareType;
import io.dashshare.domain.tenant.CompanySlug;

import io.dashshare.application.service.SharingSettings;
import io.dashshare.inmemory.InMemoryPersistence;
import io.dashshare.adapter.cache.CaffeineResultCache;
import io.dashshare.adapter.crypto.AesGcmSealer;
import io.dashshare.adapter.crypto.NimbusTokenSigner;
import io.dashshare.application.service.DeliverMailService;
import io.dashshare.application.service.MailQueue;
import io.dashshare.application.service.ManagePortalSessionsService;

import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.application.port.in.NewMember;
import io.dashshare.application.port.in.NewShare;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.port.in.PortalViewer;
import io.dashshare.application.service.Keyed;
import io.dashshare.application.service.DashboardRunner;
import io.dashshare.application.service.WidgetFanOut;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.dashshare.application.service.EmbedKeyRing;
import io.dashshare.application.service.EmbedTokens;
import io.dashshare.application.service.IssueEmbedTokenService;
import io.dashshare.application.service.ManageCompanyService;
import io.dashshare.application.service.ManageDashboardsService;
import io.dashshare.application.service.ManageEmbedKeysService;
import io.dashshare.application.service.ManageShareContextsService;
import io.dashshare.application.service.ManageSharesService;
import io.dashshare.application.service.OwnerLoginService;
import io.dashshare.application.service.AcceptInviteService;
import io.dashshare.application.service.AuthenticateOwnerService;
import io.dashshare.application.service.BootstrapCompanyService;
import io.dashshare.application.service.LoginThrottle;
import io.dashshare.application.service.ManageApiKeysService;
import io.dashshare.application.service.ManageOwnersService;
import io.dashshare.application.service.ManageTenantsService;
import io.dashshare.application.service.OwnerInvites;
import io.dashshare.application.service.OwnerSelfService;
import io.dashshare.domain.port.CommonPasswords;
import java.util.Locale;
import java.util.Set;
import io.dashshare.application.service.PreviewDashboardService;
import io.dashshare.application.service.ShareAccessTokens;
import io.dashshare.application.service.ViewEmbedService;
import io.dashshare.application.service.ViewPublicShareService;
import io.dashshare.application.service.ViewSharePortalService;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.port.TokenSigner;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.Role;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.testing.DashboardBuilder;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every use case of the application layer over {@link InMemoryPersistence}, a hand-moved clock,
 * the real CSPRNG and JWS signer, a {@link RecordingMailer} and a {@link ScriptedQueryExecutor}.
 * Wired as bootstrap wires them; one harness per test, so nothing leaks between tests.
 */
public final class SharingHarness {

    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    public static final String OWNER_PASSWORD = "velvet otter climbs the lighthouse";
    /** A stand-in for the bundled list (the real one is adapter-crypto's, tested there). */
    public static final CommonPasswords COMMON_PASSWORDS = password -> Set.of("password1234", "qwertyuiop123",
            "correct horse battery staple").contains(password.toLowerCase(Locale.ROOT));

    /** Widgets run side by side as in the service (bootstrap's widget threads): daemon threads, shared by every harness. */
    private static final ExecutorService WIDGET_THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "harness-widgets");
        thread.setDaemon(true);
        return thread;
    });

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryPersistence store = new InMemoryPersistence();
    private final RecordingMailer mailer = new RecordingMailer();
    private final ScriptedQueryExecutor executor = new ScriptedQueryExecutor();
    private final TestRandomSource random = new TestRandomSource();
    private final TokenSigner signer = new NimbusTokenSigner();
    private final TestPasswordHasher hasher = new TestPasswordHasher();
    private final byte[] shareAccessKey = randomKey();
    private final byte[] codeKey = randomKey();
    private final SharingSettings settings;
    private final CaffeineResultCache cache;
    private final ExecutionQuotas quotas;
    private final DashboardRunner runner;
    private final FilterOptionsRunner options;
    private final ShareAccessTokens accessTokens;
    private final EmbedKeyRing keyRing;
    private final EmbedTokens embedTokens;
    private final CodeHashes codeHashes;
    private final PortalSessions portalSessions;
    private final MailQueue mailQueue;
    private final DeliverMailService deliverMail;
    private final ManagePortalSessionsService portalSessionAdmin;
    private final RequestCodeService requestCode;
    private final VerifyCodeService verifyCode;
    private final RefreshPortalSessionService refresh;
    private final PortalLogoutService logout;
    private final ViewSharePortalService portal;
    private final ViewPublicShareService publicShares;
    private final IssueEmbedTokenService issueEmbed;
    private final ViewEmbedService embeds;
    private final ManageEmbedKeysService embedKeys;
    private final ManageSharesService shares;
    private final ManageShareContextsService contexts;
    private final ManageDashboardsService dashboards;
    private final PreviewDashboardService preview;
    private final OwnerLoginService ownerLogin;
    private final ManageCompanyService companies;
    private final RecordingInviteMailer inviteMailer = new RecordingInviteMailer();
    private final RecordingExecutor background = new RecordingExecutor();
    private final LoginThrottle loginThrottle;
    private final AuthenticateOwnerService authenticate;
    private final OwnerSelfService self;
    private final AcceptInviteService acceptInvite;
    private final ManageOwnersService owners;
    private final ManageApiKeysService apiKeys;
    private final ManageTenantsService tenants;
    private final BootstrapCompanyService bootstrapCompany;
    private final RecordingAuditLog auditLog = new RecordingAuditLog();
    private final Audit audit;

    private SharingHarness(SharingSettings settings, Duration cacheTtl) {
        this(settings, cacheTtl, Duration.ofSeconds(20), serviceMemory());
    }

    private SharingHarness(SharingSettings settings, Duration cacheTtl, Duration executionDeadline,
                           ResultMemory resultMemory) {
        this.settings = settings;
        // Recorded for the tests to look at, and kept by the in-memory log that the reading use cases read.
        this.audit = new Audit(event -> {
            auditLog.record(event);
            store.audit().record(event);
        }, clock, ClientIpPolicy.TRUNCATED, random);
        this.cache = new CaffeineResultCache(clock, cacheTtl, 1_000, 16L << 20, Duration.ofSeconds(20));
        this.quotas = new ExecutionQuotas(store.rateLimiter(), clock, settings);
        this.runner = new DashboardRunner(executor, cache, quotas, settings,
                new WidgetFanOut(WIDGET_THREADS, 8, executionDeadline), resultMemory);
        this.options = new FilterOptionsRunner(executor, cache, quotas, settings);
        this.accessTokens = new ShareAccessTokens(signer, shareAccessKey, random, clock, settings);
        this.keyRing = new EmbedKeyRing(store.embedKeys(), random, clock);
        this.embedTokens = new EmbedTokens(signer, store.viewerLookups(), clock, settings);
        this.codeHashes = new CodeHashes(new Keyed(codeKey));
        this.portalSessions = new PortalSessions(store.sessions(), accessTokens, random);
        this.mailQueue = new MailQueue(store.mailOutbox(), new AesGcmSealer(randomKey()), random);
        this.deliverMail = new DeliverMailService(store.mailOutbox(), mailQueue, mailer, inviteMailer, clock,
                DeliverMailService.Backoff.DEFAULTS);
        this.portalSessionAdmin = new ManagePortalSessionsService(store.contexts(), store.sessions(), clock, audit);
        this.requestCode = requestCodeOver(store.challenges());
        this.verifyCode = verifyCodeOver(store.challenges());
        this.refresh = new RefreshPortalSessionService(store.companies(), store.contexts(), store.sessions(),
                portalSessions, store.unitOfWork(), clock);
        this.logout = new PortalLogoutService(store.sessions(), accessTokens, clock, audit);
        this.portal = new ViewSharePortalService(accessTokens, store.viewerLookups(), store.sessions(),
                store.dashboards(), runner, options, quotas, clock, audit);
        this.publicShares = new ViewPublicShareService(store.viewerLookups(), runner, options, quotas, clock, audit);
        this.issueEmbed = new IssueEmbedTokenService(store.dashboards(), store.companies(), keyRing, embedTokens,
                random, clock, settings, audit);
        this.embeds = new ViewEmbedService(embedTokens, runner, options, quotas, audit);
        this.embedKeys = new ManageEmbedKeysService(store.embedKeys(), keyRing, store.dashboards(),
                store.unitOfWork(), clock, audit);
        this.shares = new ManageSharesService(store.shares(), store.dashboards(), store.contexts(), random,
                store.unitOfWork(), clock, settings, audit);
        this.contexts = new ManageShareContextsService(store.contexts(), random, store.unitOfWork(), clock, audit);
        this.dashboards = new ManageDashboardsService(store.dashboards(), executor, random, store.unitOfWork(), clock,
                audit);
        this.preview = new PreviewDashboardService(store.dashboards(), runner, options, audit);
        this.loginThrottle = new LoginThrottle(store.rateLimiter());
        this.ownerLogin = new OwnerLoginService(store.owners(), store.companies(), hasher, loginThrottle, clock, audit);
        this.companies = new ManageCompanyService(store.companies(), store.unitOfWork(), audit);
        this.authenticate = new AuthenticateOwnerService(store.owners(), store.companies(), store.apiKeys(),
                store.tokenRevocations(), background, clock);
        this.self = new OwnerSelfService(store.owners(), store.companies(), store.tokenRevocations(), hasher,
                COMMON_PASSWORDS, loginThrottle, store.unitOfWork(), clock);
        this.acceptInvite = new AcceptInviteService(store.invites(), store.owners(), store.companies(), hasher,
                COMMON_PASSWORDS, store.unitOfWork(), clock);
        OwnerInvites invites = new OwnerInvites(store.invites(), mailQueue, random, settings);
        this.owners = new ManageOwnersService(store.owners(), store.companies(), invites, random, store.unitOfWork(),
                clock, audit);
        this.apiKeys = new ManageApiKeysService(store.apiKeys(), random, store.unitOfWork(), clock, audit);
        this.tenants = new ManageTenantsService(store.companies(), store.owners(), invites, random,
                store.unitOfWork(), clock, audit);
        this.bootstrapCompany = new BootstrapCompanyService(store.companies(), store.owners(), hasher,
                COMMON_PASSWORDS, random, store.unitOfWork(), clock);
    }

    /** The documented defaults (README.md#configuration), except that code requests are not paced (only the timing test wants that). */
    public static SharingHarness create() {
        return new SharingHarness(testSettings(), Duration.ofSeconds(30));
    }

    public static SharingHarness withSettings(SharingSettings settings) {
        return new SharingHarness(settings, Duration.ofSeconds(30));
    }

    /** The defaults, with a whole dashboard execution bounded by {@code deadline} instead of 20 s. */
    public static SharingHarness withExecutionDeadline(Duration deadline) {
        return new SharingHarness(testSettings(), Duration.ofSeconds(30), deadline, serviceMemory());
    }

    /** The service's bound on its 64 MB heap (ResultMemory.forHeap): 12.8 MB in flight, 6.4 MB an execution. */
    private static ResultMemory serviceMemory() {
        return ResultMemory.forHeap(64L << 20);
    }

    /** The defaults, with the rows of executions bounded by {@code memory} (a fresh one per harness). */
    public static SharingHarness withResultMemory(ResultMemory memory) {
        return new SharingHarness(testSettings(), Duration.ofSeconds(30), Duration.ofSeconds(20), memory);
    }

    public static SharingSettings testSettings() {
        return SharingSettings.defaults("https://share.example.test").withCodes(SharingSettings.Codes.DEFAULTS.withMinimumRequestTime(Duration.ZERO));
    }

    /** Code requests on the same state, over another challenge store (e.g. a decorated one). */
    public RequestCodeService requestCodeOver(OtpChallengeRepository challenges) {
        return new RequestCodeService(store.companies(), store.contexts(), store.shares(), store.dashboards(),
                challenges, store.rateLimiter(), mailQueue, store.unitOfWork(), codeHashes, random, clock, settings, audit);
    }

    /** Code verification on the same state, over another challenge store (e.g. a decorated one). */
    public VerifyCodeService verifyCodeOver(OtpChallengeRepository challenges) {
        return new VerifyCodeService(store.companies(), store.contexts(), challenges, store.sessions(),
                store.rateLimiter(), codeHashes, portalSessions, store.unitOfWork(), random, clock, settings, audit);
    }

    // ---- fixtures -------------------------------------------------------------------------------

    public Company company(String slug) {
        Company company = CompanyBuilder.aCompany().withSlug(slug).named(slug.toUpperCase() + " Inc").build();
        store.companies().save(company);
        return company;
    }

    public OwnerPrincipal ownerOf(Company company) {
        return ownerOf(company, "owner@" + company.slug().value() + ".test");
    }

    public OwnerPrincipal ownerOf(Company company, String email) {
        return ownerOf(company, email, Role.ADMIN);
    }

    /** An active owner with {@link #OWNER_PASSWORD}, as the authenticated principal of their requests. */
    public OwnerPrincipal ownerOf(Company company, String email, Role role) {
        OwnerAccount account = OwnerAccount.active(new OwnerId(UUID.randomUUID()), company.id(),
                new EmailAddress(email), role, hasher.hash(OWNER_PASSWORD), clock.instant());
        store.owners().save(account);
        return OwnerPrincipal.person(account.id(), account.email(), company.id(), role);
    }

    public Dashboard dashboard(Company company, DashboardBuilder builder) {
        Dashboard dashboard = builder.inCompany(company.id()).createdAt(clock.instant()).build();
        store.dashboards().save(dashboard);
        return dashboard;
    }

    public Dashboard salesDashboard(Company company) {
        return dashboard(company, DashboardBuilder.aSalesDashboard());
    }

    public CreatedShare publicShare(OwnerPrincipal owner, Dashboard dashboard, PolicyDraft... policies) {
        return shares.create(owner, dashboard.id(), new NewShare("Public link - sales", ShareType.LINK,
                Optional.empty(), List.of(policies), Optional.empty()));
    }

    public CreatedShare portalShare(OwnerPrincipal owner, Dashboard dashboard, ShareContext context,
                                    PolicyDraft... policies) {
        return shares.create(owner, dashboard.id(), new NewShare("Customer portal", ShareType.LINK,
                Optional.of(context.id()), List.of(policies), Optional.empty()));
    }

    public ShareContext context(OwnerPrincipal owner, String name) {
        return contexts.create(owner, name, Optional.of("External customer access"));
    }

    public Member member(OwnerPrincipal owner, ShareContext context, String email) {
        return contexts.addMember(owner, context.id(), new NewMember.ExternalEmail(EmailAddress.parse(email).orElseThrow()));
    }

    /** Asks for a code as the portal's form would send it, and lets the outbox's sender run once. */
    public void requestCode(String companySlug, String email) {
        requestCode.requestCode(new CompanySlug(companySlug), EmailAddress.parse(email).orElseThrow(), "203.0.113.7");
        deliverMail();
    }

    /** One run of the outbox's background sender at the harness's clock; how many mails it handled. */
    public int deliverMail() {
        return deliverMail.deliverDue();
    }

    /** Verifies a code as the portal's form would send it. */
    public PortalTokens verify(String companySlug, String email, String code) {
        return verifyCode.verify(new CompanySlug(companySlug), EmailAddress.parse(email).orElseThrow(),
                OneTimeCode.parse(code).orElseThrow());
    }

    /** The whole one-time-code login, reading the code from the mail as a person would. */
    public PortalTokens login(String companySlug, String email) {
        requestCode(companySlug, email);
        return verify(companySlug, email, mailer.lastCodeFor(email));
    }

    public PortalViewer viewer(String companySlug, PortalTokens tokens) {
        return portal.authenticate(companySlug, tokens.accessToken());
    }

    // ---- parts ----------------------------------------------------------------------------------

    /** Every audit event the use cases recorded. */
    public RecordingAuditLog auditLog() {
        return auditLog;
    }

    public Audit audit() {
        return audit;
    }

    public MutableClock clock() {
        return clock;
    }

    public InMemoryPersistence store() {
        return store;
    }

    public RecordingMailer mailer() {
        return mailer;
    }

    public ScriptedQueryExecutor executor() {
        return executor;
    }

    public TestRandomSource random() {
        return random;
    }

    public TokenSigner signer() {
        return signer;
    }

    public TestPasswordHasher hasher() {
        return hasher;
    }

    public SharingSettings settings() {
        return settings;
    }

    public byte[] shareAccessKey() {
        return shareAccessKey.clone();
    }

    public CaffeineResultCache cache() {
        return cache;
    }

    public DashboardRunner runner() {
        return runner;
    }

    public FilterOptionsRunner options() {
        return options;
    }

    public ExecutionQuotas quotas() {
        return quotas;
    }

    public ShareAccessTokens accessTokens() {
        return accessTokens;
    }

    public EmbedKeyRing keyRing() {
        return keyRing;
    }

    public EmbedTokens embedTokens() {
        return embedTokens;
    }

    public MailQueue mailQueue() {
        return mailQueue;
    }

    public ManagePortalSessionsService portalSessionAdmin() {
        return portalSessionAdmin;
    }

    public RequestCodeService requestCodes() {
        return requestCode;
    }

    public VerifyCodeService verifyCodes() {
        return verifyCode;
    }

    public RefreshPortalSessionService refreshSessions() {
        return refresh;
    }

    public PortalLogoutService logouts() {
        return logout;
    }

    public ViewSharePortalService portal() {
        return portal;
    }

    public ViewPublicShareService publicShares() {
        return publicShares;
    }

    public IssueEmbedTokenService issueEmbed() {
        return issueEmbed;
    }

    public ViewEmbedService embeds() {
        return embeds;
    }

    public ManageEmbedKeysService embedKeys() {
        return embedKeys;
    }

    public ManageSharesService shares() {
        return shares;
    }

    public ManageShareContextsService contexts() {
        return contexts;
    }

    public ManageDashboardsService dashboards() {
        return dashboards;
    }

    public PreviewDashboardService preview() {
        return preview;
    }

    public OwnerLoginService ownerLogin() {
        return ownerLogin;
    }

    public ManageCompanyService companies() {
        return companies;
    }

    /** The invite mails sent so far, after sending what the outbox holds (as its sender would). */
    public RecordingInviteMailer inviteMailer() {
        deliverMail();
        return inviteMailer;
    }

    /** The background work (API key uses) handed off, not yet run. */
    public RecordingExecutor background() {
        return background;
    }

    public AuthenticateOwnerService authenticate() {
        return authenticate;
    }

    public OwnerSelfService self() {
        return self;
    }

    public AcceptInviteService acceptInvite() {
        return acceptInvite;
    }

    public ManageOwnersService owners() {
        return owners;
    }

    public ManageApiKeysService apiKeys() {
        return apiKeys;
    }

    public ManageTenantsService tenants() {
        return tenants;
    }

    public BootstrapCompanyService bootstrapCompany() {
        return bootstrapCompany;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
