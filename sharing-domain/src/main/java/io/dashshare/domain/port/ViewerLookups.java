package io.dashshare.domain.port;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import java.util.Optional;
import java.util.function.Function;

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

    record SharedView(Share share, Company company, Dashboard dashboard) {
    }

    /** {@code dashboards} answers for the key's company only, as {@link DashboardCatalog#findById} would. */
    record KeyOfCompany(EmbedKey key, Company company, Function<DashboardId, Optional<Dashboard>> dashboards) {

        /** The key's company's dashboard {@code id}, read as of the key (or later, never earlier). */
        public Optional<Dashboard> dashboard(DashboardId id) {
            return dashboards.apply(id);
        }
    }
}
