package io.dashshare.inmemory;

/**
 * Every in-memory driven adapter over one shared state ({@link InMemoryStore}), wired so that the
 * cascades between them (dashboard or context deleted: its shares go) and the unit of work
 * (a failed transaction leaves nothing behind) behave as in the database. For tests and for
 * applications that embed the domain without a database.
 */
public final class InMemoryPersistence {

    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository(store);
    private final InMemoryShareRepository shares = new InMemoryShareRepository(store);
    private final InMemoryDashboardCatalog dashboards = new InMemoryDashboardCatalog(store, shares);
    private final InMemoryShareContextRepository contexts = new InMemoryShareContextRepository(store, shares);
    private final InMemoryOtpChallengeRepository challenges = new InMemoryOtpChallengeRepository(store);
    private final InMemoryShareSessionRepository sessions = new InMemoryShareSessionRepository(store);
    private final InMemoryEmbedKeyRepository embedKeys = new InMemoryEmbedKeyRepository(store);
    private final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository(store);
    private final InMemoryOwnerInviteRepository invites = new InMemoryOwnerInviteRepository(store);
    private final InMemoryOwnerAccountRepository owners = new InMemoryOwnerAccountRepository(store, invites);
    private final InMemoryOwnerTokenRevocations tokenRevocations = new InMemoryOwnerTokenRevocations(store);
    private final InMemoryMailOutbox mailOutbox = new InMemoryMailOutbox(store);
    private final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork(store);
    private final InMemoryViewerLookups viewerLookups =
            new InMemoryViewerLookups(shares, companies, dashboards, embedKeys, sessions, contexts);
    private final InMemoryAuditLog audit = new InMemoryAuditLog(contexts);

    public InMemoryCompanyRepository companies() {
        return companies;
    }

    public InMemoryOwnerAccountRepository owners() {
        return owners;
    }

    public InMemoryDashboardCatalog dashboards() {
        return dashboards;
    }

    public InMemoryShareRepository shares() {
        return shares;
    }

    public InMemoryShareContextRepository contexts() {
        return contexts;
    }

    public InMemoryOtpChallengeRepository challenges() {
        return challenges;
    }

    public InMemoryShareSessionRepository sessions() {
        return sessions;
    }

    public InMemoryEmbedKeyRepository embedKeys() {
        return embedKeys;
    }

    public InMemoryApiKeyRepository apiKeys() {
        return apiKeys;
    }

    public InMemoryOwnerInviteRepository invites() {
        return invites;
    }

    public InMemoryOwnerTokenRevocations tokenRevocations() {
        return tokenRevocations;
    }

    public InMemoryMailOutbox mailOutbox() {
        return mailOutbox;
    }

    public InMemoryRateLimiter rateLimiter() {
        return rateLimiter;
    }

    public InMemoryUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public InMemoryViewerLookups viewerLookups() {
        return viewerLookups;
    }

    /** The audit log: both its sink and its reading side. */
    public InMemoryAuditLog audit() {
        return audit;
    }
}
