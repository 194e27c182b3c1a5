package io.dashshare.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A share creation request. {@code contextId} is the raw text sent (validated by the use case). */
public record NewShare(String name, String shareType, Optional<String> contextId, List<PolicyInput> policies,
                       Optional<Instant> expiresAt) {

    public NewShare {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }
}
