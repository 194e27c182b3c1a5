package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.application.port.in.NewShare;
import io.dashshare.domain.common.Ids;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.share.ShareType;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code POST /api/v1/dashboards/{id}/shares}: the guide's body, plus an optional expiry and {@code downloads}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateShareBody(String name, Optional<String> shareType, Optional<String> shareContextId,
                              Optional<List<PolicyDoc>> shareFilterPolicies, Optional<Instant> expiresAt,
                              Optional<Boolean> downloads) implements JsonBody {

    NewShare toCommand() {
        ShareType type = shareType.map(t -> ShareType.fromWire(t).orElseThrow(() ->
                new InvalidValueException("share_type", "must be 'link'"))).orElse(ShareType.LINK);
        Optional<ShareContextId> context = shareContextId.map(raw -> Ids.parse(raw).map(ShareContextId::new)
                .orElseThrow(() -> new InvalidValueException("share_context_id", "names no share context of this company")));
        return new NewShare(name, type, context, PolicyDoc.drafts(shareFilterPolicies.orElse(List.of())), expiresAt,
                downloads.orElse(false));
    }
}
