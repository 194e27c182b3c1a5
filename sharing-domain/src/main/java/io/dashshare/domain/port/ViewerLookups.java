package io.dashshare.domain.port;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import java.util.Optional;

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

    /** Across companies: the key named by an embed token's {@code kid}, retired or not, with its company. */
    Optional<KeyOfCompany> embedKey(EmbedKeyId id);

    /** The company's dashboard, as {@link DashboardCatalog#findById} would answer. */
    Optional<Dashboard> dashboard(CompanyId company, DashboardId id);

    record SharedView(Share share, Company company, Dashboard dashboard) {
    }

    record KeyOfCompany(EmbedKey key, Company company) {
    }
}
