package io.dashshare.adapter.http.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One event as docs/api.md (audit log) shows it: {@code at} in UTC to the millisecond, the actor
 * with the members its type has, the ids null when the event has none.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEventView(String id, @Schema(format = "date-time") String at, String type, String flow, ActorView actor,
                             @Nullable String dashboardId, @Nullable String shareId, @Nullable String contextId,
                             @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> parameters,
                             @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> details,
                             String outcome, @Nullable Integer rowCount, ClientView client, @Nullable String requestId) {

    /** RFC 3339 in UTC with exactly three fraction digits (the stored microseconds are the cursor's, not the reader's). */
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static AuditEventView from(AuditEvent e) {
        return new AuditEventView(e.id().toString(), at(e.at()), e.type().wire(), e.flow().wire(), ActorView.from(e.actor()),
                e.dashboardId() == null ? null : e.dashboardId().toString(),
                e.shareId() == null ? null : e.shareId().toString(),
                e.contextId() == null ? null : e.contextId().toString(), e.parameters(), e.details(), e.outcome(),
                e.rowCount(), new ClientView(e.client().ip(), e.client().userAgent()), e.client().requestId());
    }

    static String at(Instant at) {
        return AT.format(at);
    }

    /** {@code type}, and only the members that type has (docs/api.md, audit log: actor). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActorView(String type, @Nullable String email, @Nullable String id, @Nullable String name,
                            @Nullable String jti, @Nullable String sub) {

        static ActorView from(AuditActor actor) {
            if (actor instanceof AuditActor.Email e) {
                return new ActorView(actor.type(), e.email(), null, null, null, null);
            }
            if (actor instanceof AuditActor.Embed e) {
                return new ActorView(actor.type(), null, null, null, e.jti(), e.subject());
            }
            if (actor instanceof AuditActor.Owner o) {
                return new ActorView(actor.type(), o.email(), o.id(), null, null, null);
            }
            if (actor instanceof AuditActor.ApiKey k) {
                return new ActorView(actor.type(), null, k.id(), k.name(), null, null);
            }
            return new ActorView(actor.type(), null, null, null, null, null);
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ClientView(@Nullable String ip, @Nullable String userAgent) {
    }

    /** {@code GET /api/v1/audit/events}: a page, newest first, and where the next one starts (null on the last). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<AuditEventView> events, @Nullable String nextCursor) {
    }
}
