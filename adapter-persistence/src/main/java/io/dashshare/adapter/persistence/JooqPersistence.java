package io.dashshare.adapter.persistence;

import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * Every jOOQ driven adapter over one {@link DSLContext}, so that {@link #unitOfWork()} spans
 * all of them. Build it on the service's (migrated) data source.
 */
public final class JooqPersistence {

    private final JooqCompanyRepository companies;
    private final JooqOwnerAccountRepository owners;
    private final JooqDashboardCatalog dashboards;
    private final JooqShareRepository shares;
    private final JooqShareContextRepository contexts;
    private final JooqOtpChallengeRepository challenges;
    private final JooqShareSessionRepository sessions;
    private final JooqEmbedKeyRepository embedKeys;
    private final JooqApiKeyRepository apiKeys;
    private final JooqOwnerInviteRepository invites;
    private final JooqOwnerTokenRevocations tokenRevocations;
    private final JooqMailOutbox mailOutbox;
    private final JooqRateLimiter rateLimiter;
    private final JooqUnitOfWork unitOfWork;
    private final JooqViewerLookups viewerLookups;
    private final JooqAuditEvents auditEvents;

    public JooqPersistence(DSLContext db) {
        this.companies = new JooqCompanyRepository(db);
        this.owners = new JooqOwnerAccountRepository(db);
        this.dashboards = new JooqDashboardCatalog(db);
        this.shares = new JooqShareRepository(db);
        this.contexts = new JooqShareContextRepository(db);
        this.challenges = new JooqOtpChallengeRepository(db);
        this.sessions = new JooqShareSessionRepository(db);
        this.embedKeys = new JooqEmbedKeyRepository(db);
        this.apiKeys = new JooqApiKeyRepository(db);
        this.invites = new JooqOwnerInviteRepository(db);
        this.tokenRevocations = new JooqOwnerTokenRevocations(db);
        this.mailOutbox = new JooqMailOutbox(db);
        this.rateLimiter = new JooqRateLimiter(db);
        this.unitOfWork = new JooqUnitOfWork(db);
        this.viewerLookups = new JooqViewerLookups(db);
        this.auditEvents = new JooqAuditEvents(db);
    }

    public static JooqPersistence on(DataSource dataSource) {
        return new JooqPersistence(SharingDatabase.dslContext(dataSource));
    }

    public JooqCompanyRepository companies() {
        return companies;
    }

    public JooqOwnerAccountRepository owners() {
        return owners;
    }

    public JooqDashboardCatalog dashboards() {
        return dashboards;
    }

    public JooqShareRepository shares() {
        return shares;
    }

    public JooqShareContextRepository contexts() {
        return contexts;
    }

    public JooqOtpChallengeRepository challenges() {
        return challenges;
    }

    public JooqShareSessionRepository sessions() {
        return sessions;
    }

    public JooqEmbedKeyRepository embedKeys() {
        return embedKeys;
    }

    public JooqApiKeyRepository apiKeys() {
        return apiKeys;
    }

    public JooqOwnerInviteRepository invites() {
        return invites;
    }

    public JooqOwnerTokenRevocations tokenRevocations() {
        return tokenRevocations;
    }

    public JooqMailOutbox mailOutbox() {
        return mailOutbox;
    }

    public JooqRateLimiter rateLimiter() {
        return rateLimiter;
    }

    public JooqUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public JooqViewerLookups viewerLookups() {
        return viewerLookups;
    }

    /** The audit log's reading side (its writer is a queue of its own). */
    public JooqAuditEvents auditEvents() {
        return auditEvents;
    }

    /** The purges of the tables whose rows only matter for a while. */
}
