package io.dashshare.application.port.in;

import io.dashshare.domain.filter.PolicyDraft;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A PATCH of a share: absent fields are left alone; {@code expiresAt} present-but-empty removes
 * the expiry; an empty policy list removes every policy.
 */
public record ShareChanges(Optional<String> name, Optional<List<PolicyDraft>> policies,
                           Optional<Optional<Instant>> expiresAt, Optional<Boolean> downloads) {

    public ShareChanges {
        downloads = downloads == null ? Optional.empty() : downloads;
    }

    /** A PATCH that leaves {@code downloads} as it is. */
    public ShareChanges(Optional<String> name, Optional<List<PolicyDraft>> policies,
                        Optional<Optional<Instant>> expiresAt) {
        this(name, policies, expiresAt, Optional.empty());
    }

    public static ShareChanges none() {
        return new ShareChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
