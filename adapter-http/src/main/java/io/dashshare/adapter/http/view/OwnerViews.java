package io.dashshare.adapter.http.view;

import io.dashshare.application.port.in.CreatedEmbedKey;
import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.document.DashboardDocument;
import io.dashshare.domain.document.PolicyDocument;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.EmbedOrigin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON trees of what owners manage (snake_case, timestamps as ISO-8601 UTC). */
public final class OwnerViews {

    public static final String EMBED_ALGORITHM = "HS256";

    private OwnerViews() {
    }

    public static Map<String, Object> dashboardSummary(Dashboard dashboard) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", dashboard.id().toString());
        node.put("slug", dashboard.slug().value());
        node.put("name", dashboard.definition().name());
        node.put("description", dashboard.definition().description());
        node.put("data_source", dashboard.definition().dataSource().value());
        node.put("version", dashboard.version());
        node.put("created_at", dashboard.createdAt());
        node.put("updated_at", dashboard.updatedAt());
        return node;
    }

    /** The document {@code POST}/{@code PUT} accept back as it is, with the read-only members. */
    public static Map<String, Object> dashboard(Dashboard dashboard) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", dashboard.id().toString());
        node.putAll(DashboardDocument.write(dashboard.definition()));
        node.put("version", dashboard.version());
        node.put("created_at", dashboard.createdAt());
        node.put("updated_at", dashboard.updatedAt());
        node.put("embed_tokens_not_before", dashboard.embedTokensNotBefore().orElse(null));
        return node;
    }

    public static Map<String, Object> share(Share share, Instant now) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", share.id().toString());
        node.put("dashboard_id", share.dashboardId().toString());
        node.put("name", share.name());
        node.put("share_type", share.type().wire());
        node.put("share_context_id", share.contextId().map(Object::toString).orElse(null));
        node.put("share_filter_policies", PolicyDocument.writeAll(share.policies()));
        node.put("expires_at", share.expiresAt().orElse(null));
        node.put("revoked_at", share.revokedAt().orElse(null));
        node.put("status", status(share, now));
        node.put("created_at", share.createdAt());
        node.put("updated_at", share.updatedAt());
        return node;
    }

    static String status(Share share, Instant now) {
        if (share.revokedAt().isPresent()) {
            return "revoked";
        }
        return share.isLive(now) ? "active" : "expired";
    }

    /** The only answers that carry the plain token (create and rotate). */
    public static Map<String, Object> createdShare(CreatedShare created, Instant now) {
        Map<String, Object> node = share(created.share(), now);
        node.put("token", created.token());
        node.put("url", created.url());
        return node;
    }

    public static List<Object> shares(List<Share> shares, Instant now) {
        List<Object> out = new ArrayList<>();
        shares.forEach(s -> out.add(share(s, now)));
        return out;
    }

    public static Map<String, Object> context(ShareContext context) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", context.id().toString());
        node.put("name", context.name());
        node.put("description", context.description());
        node.put("created_at", context.createdAt());
        return node;
    }

    public static Map<String, Object> member(Member member) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", member.id().toString());
        node.put("context_id", member.contextId().toString());
        node.put("member_type", member.type().wire());
        node.put("email", member.email().value());
        node.put("created_at", member.createdAt());
        return node;
    }

    /** Never the secret. */
    public static Map<String, Object> embedKey(EmbedKey key) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("kid", key.id().value());
        node.put("algorithm", EMBED_ALGORITHM);
        node.put("created_at", key.createdAt());
        node.put("retired_at", key.retiredAt().orElse(null));
        node.put("active", key.isActive());
        return node;
    }

    /** The one answer that shows a key's secret. */
    public static Map<String, Object> createdEmbedKey(CreatedEmbedKey created) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("kid", created.key().id().value());
        node.put("secret", created.secret());
        node.put("algorithm", EMBED_ALGORITHM);
        node.put("created_at", created.key().createdAt());
        return node;
    }

    public static Map<String, Object> company(Company company) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", company.id().toString());
        node.put("slug", company.slug().value());
        node.put("name", company.name());
        node.put("embed_origins", company.embedOrigins().stream().map(EmbedOrigin::value).toList());
        return node;
    }
}
