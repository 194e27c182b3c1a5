package io.dashshare.domain.testing;

import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.share.ShareType;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test builder for shares of a dashboard; keeps the plain token so tests can present it. */
public final class ShareBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Dashboard dashboard;
    private ShareId id = new ShareId(UUID.randomUUID());
    private String name = "Public link - sales";
    private ShareContextId contextId;
    private final List<FilterPolicy> policies = new ArrayList<>();
    private Instant expiresAt;
    private boolean downloads;
    private Instant now = Instant.parse("2026-01-02T00:00:00Z");
    private final SecretToken token;

    private ShareBuilder(Dashboard dashboard) {
        this.dashboard = dashboard;
        byte[] bytes = new byte[SecretToken.BYTES];
        RANDOM.nextBytes(bytes);
        this.token = SecretToken.fromRandomBytes(bytes);
    }

    public static ShareBuilder aShareOf(Dashboard dashboard) {
        return new ShareBuilder(dashboard);
    }

    public ShareBuilder withId(ShareId value) {
        this.id = value;
        return this;
    }

    public ShareBuilder named(String value) {
        this.name = value;
        return this;
    }

    public ShareBuilder boundTo(ShareContextId value) {
        this.contextId = value;
        return this;
    }

    public ShareBuilder withPolicy(FilterPolicy policy) {
        policies.add(policy);
        return this;
    }

    public ShareBuilder expiringAt(Instant value) {
        this.expiresAt = value;
        return this;
    }

    public ShareBuilder withDownloads() {
        this.downloads = true;
        return this;
    }

    public ShareBuilder createdAt(Instant value) {
        this.now = value;
        return this;
    }

    public SecretToken token() {
        return token;
    }

    public Share build() {
        return Share.create(id, dashboard.companyId(), dashboard.id(), dashboard.definition(), name, ShareType.LINK,
                contextId, policies, downloads, token.hash(), expiresAt, now);
    }
}
