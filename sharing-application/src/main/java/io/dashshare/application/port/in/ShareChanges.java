package io.dashshare.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A PATCH of a share: absent fields are left alone; {@code expiresAt} present-but-empty removes
 * the expiry.
 */
public record ShareChanges(Optional<String> name, Optional<List<PolicyInput>> policies,
                           Optional<Optional<Instant>> expiresAt) {
}
