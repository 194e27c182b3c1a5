package io.dashshare.inmemory;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.EmbedKeyRepository;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.port.ViewerLookups;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.secret.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The viewer's joined reads, composed from the repositories of the same store. */
public final class InMemoryViewerLookups implements ViewerLookups {

    private final ShareRepository shares;
    private final CompanyRepository companies;
    private final DashboardCatalog dashboards;
    private final EmbedKeyRepository embedKeys;
    private final ShareSessionRepository sessions;
    private final ShareContextRepository contexts;

    public InMemoryViewerLookups(ShareRepository shares, CompanyRepository companies, DashboardCatalog dashboards,
                                 EmbedKeyRepository embedKeys, ShareSessionRepository sessions,
                                 ShareContextRepository contexts) {
        this.shares = shares;
        this.companies = companies;
        this.dashboards = dashboards;
        this.embedKeys = embedKeys;
        this.sessions = sessions;
        this.contexts = contexts;
    }

    @Override
    public Optional<SharedView> shareByTokenHash(TokenHash hash) {
        return shares.findByTokenHash(hash).flatMap(share -> companies.findById(share.companyId())
                .flatMap(company -> dashboards.findById(company.id(), share.dashboardId())
                        .map(dashboard -> new SharedView(share, company, dashboard))));
    }

    @Override
    public Optional<KeyOfCompany> embedKey(EmbedKeyId id) {
        return embedKeys.find(id).flatMap(key -> companies.findById(key.companyId())
                .map(company -> new KeyOfCompany(key, company,
                        dashboardId -> dashboards.findById(company.id(), dashboardId))));
    }

    @Override
    public Optional<PortalSession> portalSession(SessionId id, EmailAddress email, Instant now) {
        return sessions.find(id).flatMap(session -> companies.findById(session.companyId()).map(company -> {
            List<ShareContext> memberOf = contexts.contextsOf(company.id(), email, now);
            return new PortalSession(session, company, memberOf,
                    () -> shares.listByContexts(company.id(), memberOf.stream().map(ShareContext::id).toList()),
                    slug -> dashboards.findBySlug(company.id(), slug));
        }));
    }
}
