package io.dashshare.domain.port;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reads every viewer request starts with, each answered in one read of the store (one round
 * trip to the database) instead of one per repository. Read-only: the repositories stay the only
 * writers. Every answer is what the store holds now: an implementation may keep rows in memory
 * only if it checks them against the store on each call, so that a share revoked, a token
 * rotated, a key retired or a dashboard changed by any instance is seen by the next request of
 * every other.
 */
public interface ViewerLookups {

    /** Across companies: the share whose token hashes to {@code hash}, whatever its state, with its company and dashboard. */
    Optional<SharedView> shareByTokenHash(TokenHash hash);

    /**
     * Across companies: the key named by an embed token's {@code kid}, retired or not, with its
     * company, and the company's dashboards as of the same read.
     */
    Optional<KeyOfCompany> embedKey(EmbedKeyId id);

    /**
     * The portal session {@code id}, whatever its state, with its company and, read in the same
     * statement as the session, the contexts of that company that admit {@code email} at
     * {@code now} (as {@link ShareContextRepository#contextsOf} answers them). Session and
     * membership are never answered from memory: a logout, a revocation, a member removed or
     * expired and a context deleted show on the very next call, whichever instance made them.
     */
    Optional<PortalSession> portalSession(SessionId id, EmailAddress email, Instant now);

    record SharedView(Share share, Company company, Dashboard dashboard) {
    }

    /** {@code dashboards} answers for the key's company only, as {@link DashboardCatalog#findById} would. */
    record KeyOfCompany(EmbedKey key, Company company, Function<DashboardId, Optional<Dashboard>> dashboards) {

        /** The key's company's dashboard {@code id}, read as of the key (or later, never earlier). */
        public Optional<Dashboard> dashboard(DashboardId id) {
            return dashboards.apply(id);
        }
    }

    /**
     * {@code shares} answers the shares bound to one of {@code contexts}, in any state, oldest
     * first (as {@link ShareRepository#listByContexts}); {@code dashboards} the session's
     * company's dashboard of a slug (as {@link DashboardCatalog#findBySlug}). Both as of the
     * session's read or later, never earlier.
     */
    record PortalSession(ShareSession session, Company company, List<ShareContext> contexts,
                         Supplier<List<Share>> shares, Function<DashboardSlug, Optional<Dashboard>> dashboards) {

        public PortalSession {
            Objects.requireNonNull(session);
            Objects.requireNonNull(company);
            contexts = List.copyOf(contexts);
            Objects.requireNonNull(shares);
            Objects.requireNonNull(dashboards);
        }

        public Optional<Dashboard> dashboard(DashboardSlug slug) {
            return dashboards.apply(slug);
        }
    }
}
