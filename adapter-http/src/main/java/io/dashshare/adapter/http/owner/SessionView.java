package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.portal.ShareSession;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;

/** A portal session as its company's owners see it: who, since when, last seen (to the minute), until when. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SessionView(String id, String email, Instant createdAt, @io.micronaut.core.annotation.Nullable Instant lastSeenAt, Instant expiresAt) {

    public static SessionView from(ShareSession session) {
        return new SessionView(session.id().toString(), session.email().value(), session.createdAt(),
                session.lastSeenAt(), session.expiresAt());
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<SessionView> sessions) {
    }
}
