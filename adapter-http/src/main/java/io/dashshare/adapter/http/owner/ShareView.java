package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.domain.share.Share;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;

/**
 * A share as its owner sees it (docs/api.md, shares); {@code token} and {@code url} are present
 * only in the answers to create and rotate, the one time the token is shown.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ShareView(String id, String dashboardId, String name, String shareType, @io.micronaut.core.annotation.Nullable String shareContextId,
                        List<PolicyDoc> shareFilterPolicies, boolean downloads, @io.micronaut.core.annotation.Nullable Instant expiresAt, @io.micronaut.core.annotation.Nullable Instant revokedAt,
                        String status, Instant createdAt, Instant updatedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @io.micronaut.core.annotation.Nullable String token,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @io.micronaut.core.annotation.Nullable String url) {

    public static ShareView from(Share share, Instant now) {
        return new ShareView(share.id().toString(), share.dashboardId().toString(), share.name(), share.type().wire(),
                share.contextId().map(Object::toString).orElse(null),
                share.policies().stream().map(PolicyDoc::from).toList(), share.downloads(), share.expiresAt().orElse(null),
                share.revokedAt().orElse(null), status(share, now), share.createdAt(), share.updatedAt(), null, null);
    }

    /** The only answers that carry the plain token (create and rotate). */
    public static ShareView created(CreatedShare created, Instant now) {
        ShareView view = from(created.share(), now);
        return new ShareView(view.id(), view.dashboardId(), view.name(), view.shareType(), view.shareContextId(),
                view.shareFilterPolicies(), view.downloads(), view.expiresAt(), view.revokedAt(), view.status(), view.createdAt(),
                view.updatedAt(), created.token(), created.url());
    }

    static String status(Share share, Instant now) {
        if (share.revokedAt().isPresent()) {
            return "revoked";
        }
        return share.isLive(now) ? "active" : "expired";
    }

    @Override
    public String toString() {
        return "ShareView[" + id + ", token=" + (token == null ? "none" : "redacted") + "]";
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<ShareView> shares) {
    }
}
