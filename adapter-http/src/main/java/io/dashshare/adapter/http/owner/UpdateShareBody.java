package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.json.Change;
import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.application.port.in.ShareChanges;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code PATCH /api/v1/shares/{id}}: absent members stay as they are, {@code "expires_at": null}
 * removes the expiry and {@code "share_filter_policies": []} every policy (docs/api.md).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdateShareBody(Optional<String> name, Optional<List<PolicyDoc>> shareFilterPolicies,
                              @Schema(implementation = Instant.class, nullable = true, requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                                      description = "null removes the expiry; absent leaves it") Change<Instant> expiresAt, Optional<Boolean> downloads) implements JsonBody {

    ShareChanges toCommand() {
        return new ShareChanges(name, shareFilterPolicies.map(PolicyDoc::drafts), expiresAt.map(at -> at), downloads);
    }
}
