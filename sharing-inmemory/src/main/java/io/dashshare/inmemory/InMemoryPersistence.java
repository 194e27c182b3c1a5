package io.dashshare.inmemory;

/**
 * Every in-memory driven adapter over one shared state, wired so that the cascades between them
 * (dashboard or context deleted: its shares go) behave as in the database. For tests and for
 * applications that embed the domain without a database.
 */
public final class InMemoryPersistence {

    private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository();
    private final InMemoryOwnerAccountRepository owners = new InMemoryOwnerAccountRepository();
    private final InMemoryShareRepository shares = new InMemoryShareRepository();
    private final InMemoryDashboardCatalog dashboards = new InMemoryDashboardCatalog(shares);
    private final InMemoryShareContextRepository contexts = new InMemoryShareContextRepository(shares);
    private final InMemoryOtpChallengeRepository challenges = new InMemoryOtpChallengeRepository();
    private final InMemoryShareSessionRepository sessions = new InMemoryShareSessionRepository();
    private final InMemoryEmbedKeyRepository embedKeys = new InMemoryEmbedKeyRepository();
    private final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryViewerLookups viewerLookups =
            new InMemoryViewerLookups(shares, companies, dashboards, embedKeys);

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

    public InMemoryRateLimiter rateLimiter() {
        return rateLimiter;
    }

    public InMemoryUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public InMemoryViewerLookups viewerLookups() {
        return viewerLookups;
    }
}
