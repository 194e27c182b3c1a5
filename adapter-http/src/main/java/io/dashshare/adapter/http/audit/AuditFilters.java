package io.dashshare.adapter.http.audit;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.common.Ids;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.share.ShareId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The query parameters of the audit routes (docs/api.md, audit log) as a typed query; each bad
 * value is a 400 {@code INVALID_REQUEST} naming its parameter.
 */
final class AuditFilters {

    /** Longer than any email (254) or id the log keeps: anything longer matches nothing and is refused. */
    static final int MAX_ACTOR = 320;

    private AuditFilters() {
    }

    static AuditEvents.Query query(String from, String to, String type, String dashboardId, String shareId,
                                   String contextId, String actor) {
        String who = blankToNull(actor);
        if (who != null && who.length() > MAX_ACTOR) {
            throw new InvalidValueException("actor", "must be at most " + MAX_ACTOR + " characters");
        }
        return new AuditEvents.Query(time("from", from), time("to", to), types(type),
                id("dashboard_id", dashboardId) == null ? null : new DashboardId(id("dashboard_id", dashboardId)),
                id("share_id", shareId) == null ? null : new ShareId(id("share_id", shareId)),
                id("context_id", contextId) == null ? null : new ShareContextId(id("context_id", contextId)), who);
    }

    static int limit(String limit, int fallback) {
        if (blankToNull(limit) == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("limit", "must be a whole number between 1 and 1000");
        }
    }

    /** RFC 3339 with an offset ({@code 2026-12-01T10:00:00Z}, {@code 2026-12-01T11:00:00.5+01:00}). */
    private static Instant time(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(name, "must be an RFC 3339 time with an offset, such as 2026-12-01T10:00:00Z");
        }
    }

    private static Set<AuditType> types(String value) {
        if (blankToNull(value) == null) {
            return Set.of();
        }
        Set<AuditType> types = EnumSet.noneOf(AuditType.class);
        for (String wire : value.split(",")) {
            String name = wire.trim();
            if (name.isEmpty()) {
                continue;
            }
            types.add(AuditType.fromWire(name).orElseThrow(() -> new InvalidValueException("type",
                    "\"" + shorten(name) + "\" is not an event type (docs/api.md, audit event catalogue)", "unknown_type")));
        }
        return types;
    }

    private static UUID id(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return Ids.parse(value.trim()).orElseThrow(() -> new InvalidValueException(name, "must be a canonical UUID"));
    }

    private static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
