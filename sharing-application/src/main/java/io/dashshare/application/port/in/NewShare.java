package io.dashshare.application.port.in;

import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.filter.PolicyDraft;
import io.dashshare.domain.share.ShareType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A share to create: the policies are checked against the dashboard by the use case;
 * {@code downloads} lets its viewers export widgets (docs/api.md, exports).
 */
public record NewShare(String name, ShareType type, Optional<ShareContextId> contextId, List<PolicyDraft> policies,
                       Optional<Instant> expiresAt, boolean downloads) {

    /** A share without downloads, the default. */
    public NewShare(String name, ShareType type, Optional<ShareContextId> contextId, List<PolicyDraft> policies,
                    Optional<Instant> expiresAt) {
        this(name, type, contextId, policies, expiresAt, false);
    }

    public NewShare {
        Objects.requireNonNull(type, "type");
        contextId = contextId == null ? Optional.empty() : contextId;
        policies = policies == null ? List.of() : List.copyOf(policies);
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
    }
}
