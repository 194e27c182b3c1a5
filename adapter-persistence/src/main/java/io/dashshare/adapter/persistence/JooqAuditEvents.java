package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.AUDIT_EVENTS;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARE_CONTEXT_MEMBERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.adapter.persistence.jooq.tables.records.AuditEventsRecord;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Reading {@code sharing.audit_events} (docs/api.md, audit log; migration V8 indexes every filter
 * as {@code (company_id, <filter>, at desc, id desc)}, so a filtered page is one index range read
 * in the log's order, whichever partitions it spans).
 *
 * <p>Paging is by keyset, {@code (at, id) < (last at, last id)}, never by offset: an event written
 * while someone pages lands before their first page (it is newer) and moves nothing after it, so
 * no page repeats or skips an event that existed when the first was read.
 */
public final class JooqAuditEvents implements AuditEvents {

    /** Rows per round trip of {@link #each}'s server-side cursor: memory stays flat whatever the count. */
    static final int FETCH_SIZE = 500;

    /** What share statistics count as a view (docs/api.md, share statistics). */
    static final List<String> VIEW_TYPES = List.of(AuditType.SHARE_RESOLVED.wire(), AuditType.EMBED_VIEWED.wire());
    private static final List<String> STATS_TYPES = List.of(AuditType.SHARE_RESOLVED.wire(),
            AuditType.EMBED_VIEWED.wire(), AuditType.DASHBOARD_EXECUTED.wire(), AuditType.WIDGET_EXPORTED.wire());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final DSLContext db;

    public JooqAuditEvents(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<AuditEvent> page(CompanyId company, Query query, Optional<Position> after, int limit) {
        Condition where = filters(company, query);
        if (after.isPresent()) {
            where = where.and(DSL.row(AUDIT_EVENTS.AT, AUDIT_EVENTS.ID)
                    .lt(Times.column(after.get().at()), after.get().id()));
        }
        Condition condition = where;
        return DatabaseFailures.call(() -> db.selectFrom(AUDIT_EVENTS).where(condition)
                .orderBy(AUDIT_EVENTS.AT.desc(), AUDIT_EVENTS.ID.desc())
                .limit(limit)
                .fetch(JooqAuditEvents::event));
    }

    @Override
    public void each(CompanyId company, Query query, Consumer<AuditEvent> sink) {
        // A server-side cursor needs a transaction (PostgreSQL's JDBC driver fetches by fetchSize
        // only with autocommit off); read-only, it holds no lock but the snapshot.
        DatabaseFailures.run(() -> db.transaction(configuration -> {
            DSLContext tx = DSL.using(configuration);
            tx.execute("set transaction read only");
            try (Cursor<AuditEventsRecord> cursor = tx.selectFrom(AUDIT_EVENTS).where(filters(company, query))
                    .orderBy(AUDIT_EVENTS.AT.desc(), AUDIT_EVENTS.ID.desc())
                    .fetchSize(FETCH_SIZE)
                    .fetchLazy()) {
                for (AuditEventsRecord row : cursor) {
                    sink.accept(event(row));
                }
            }
        }));
    }

    @Override
    public ShareStats stats(CompanyId company, ShareId share, Instant since) {
        Field<LocalDate> day = DSL.field("({0} at time zone 'UTC')::date", SQLDataType.LOCALDATE, AUDIT_EVENTS.AT);
        Condition view = AUDIT_EVENTS.TYPE.in(VIEW_TYPES);
        Field<Integer> views = DSL.count().filterWhere(view);
        Field<Integer> executions = DSL.count().filterWhere(AUDIT_EVENTS.TYPE.eq(AuditType.DASHBOARD_EXECUTED.wire()));
        Field<Integer> exports = DSL.count().filterWhere(AUDIT_EVENTS.TYPE.eq(AuditType.WIDGET_EXPORTED.wire()));
        Field<Integer> viewers = DSL.countDistinct(viewer());
        Field<java.time.OffsetDateTime> lastView = DSL.max(AUDIT_EVENTS.AT).filterWhere(view);
        Field<Integer> total = DSL.grouping(day);
        // One read of the share's events in the window: a row per day and, by the empty grouping
        // set, the window's totals (unique viewers are not a sum of the days').
        var rows = DatabaseFailures.call(() -> db.select(day, total, views, executions, exports, viewers, lastView)
                .from(AUDIT_EVENTS)
                .where(AUDIT_EVENTS.COMPANY_ID.eq(company.value()), AUDIT_EVENTS.SHARE_ID.eq(share.value()),
                        AUDIT_EVENTS.AT.ge(Times.column(since)), AUDIT_EVENTS.TYPE.in(STATS_TYPES),
                        AUDIT_EVENTS.OUTCOME.eq(AuditEvent.OK))
                .groupBy(DSL.groupingSets(new Field<?>[] {day}, new Field<?>[0]))
                .fetch());
        List<Day> days = new ArrayList<>();
        ShareStats totals = null;
        for (Record row : rows) {
            if (row.get(total) == 1) {
                totals = new ShareStats(row.get(views), row.get(executions), row.get(exports), row.get(viewers),
                        Times.instant(row.get(lastView)), List.of());
            } else {
                days.add(new Day(row.get(day), row.get(views), row.get(executions), row.get(exports)));
            }
        }
        days.sort((a, b) -> a.day().compareTo(b.day()));
        Instant lastViewedAt = totals == null ? null : totals.lastViewedAt();
        if (lastViewedAt == null) {
            // None in the window: the latest view the log still keeps, however old.
            lastViewedAt = DatabaseFailures.call(() -> db.select(AUDIT_EVENTS.AT).from(AUDIT_EVENTS)
                    .where(AUDIT_EVENTS.COMPANY_ID.eq(company.value()), AUDIT_EVENTS.SHARE_ID.eq(share.value()), view,
                            AUDIT_EVENTS.OUTCOME.eq(AuditEvent.OK))
                    .orderBy(AUDIT_EVENTS.AT.desc()).limit(1)
                    .fetchOptional(AUDIT_EVENTS.AT).map(Times::instant).orElse(null));
        }
        return totals == null
                ? new ShareStats(0, 0, 0, 0, lastViewedAt, days)
                : new ShareStats(totals.views(), totals.executions(), totals.exports(), totals.uniqueViewers(),
                        lastViewedAt, days);
    }

    /**
     * Who a viewer is, for counting unique viewers (docs/api.md, share statistics): the portal
     * viewer's email, the embed token's {@code sub} (its {@code jti} when it has none), the client
     * address of an anonymous visitor (as kept under SHARING_AUDIT_CLIENT_IP: visitors of one /24
     * are one viewer under {@code truncated}, and all are one under {@code none}).
     */
    private static Field<String> viewer() {
        return DSL.when(AUDIT_EVENTS.ACTOR_TYPE.eq("email"), DSL.inline("email:").concat(DSL.lower(AUDIT_EVENTS.ACTOR_EMAIL)))
                .when(AUDIT_EVENTS.ACTOR_TYPE.eq("embed"), DSL.inline("embed:")
                        .concat(DSL.coalesce(AUDIT_EVENTS.ACTOR_NAME, AUDIT_EVENTS.ACTOR_ID, DSL.inline(""))))
                .when(AUDIT_EVENTS.ACTOR_TYPE.eq("anonymous"), DSL.inline("ip:")
                        .concat(DSL.coalesce(AUDIT_EVENTS.CLIENT_IP, DSL.inline(""))))
                .otherwise(AUDIT_EVENTS.ACTOR_TYPE.concat(DSL.inline(":"))
                        .concat(DSL.coalesce(AUDIT_EVENTS.ACTOR_ID, DSL.inline(""))));
    }

    @Override
    public Map<String, Instant> lastSignIns(CompanyId company, ShareContextId context) {
        List<String> emails = DatabaseFailures.call(() -> db.select(SHARE_CONTEXT_MEMBERS.EMAIL).from(SHARE_CONTEXT_MEMBERS)
                .where(SHARE_CONTEXT_MEMBERS.CONTEXT_ID.eq(context.value()), SHARE_CONTEXT_MEMBERS.EMAIL.isNotNull())
                .fetch(SHARE_CONTEXT_MEMBERS.EMAIL));
        List<String> domains = DatabaseFailures.call(() -> db.select(SHARE_CONTEXT_MEMBERS.DOMAIN).from(SHARE_CONTEXT_MEMBERS)
                .where(SHARE_CONTEXT_MEMBERS.CONTEXT_ID.eq(context.value()), SHARE_CONTEXT_MEMBERS.DOMAIN.isNotNull())
                .fetch(SHARE_CONTEXT_MEMBERS.DOMAIN));
        Map<String, Instant> signIns = new HashMap<>();
        // The type and outcome are inlined, not bound: V8's sign-in index is partial on exactly those
        // values, and a generic plan of a prepared statement could not prove a bound value matches.
        if (!emails.isEmpty()) {
            // An email member: its newest sign-in, one probe of the index per address and partition.
            DatabaseFailures.call(() -> db.resultQuery("select m.email, (select e.at from sharing.audit_events e"
                            + " where e.company_id = {0} and e.type = 'portal.signed_in' and e.outcome = 'ok'"
                            + " and e.actor_email is not null and lower(e.actor_email) = m.email"
                            + " order by e.at desc limit 1) from unnest({1}) as m(email)",
                            DSL.val(company.value()), DSL.val(emails.toArray(new String[0])))
                    .fetch())
                    .forEach(row -> {
                        if (row.get(1) != null) {
                            signIns.put(row.get(0, String.class), Times.instant(row.get(1, java.time.OffsetDateTime.class)));
                        }
                    });
        }
        if (!domains.isEmpty()) {
            // A domain member: every sign-in of the company's portal, read from the same index, by domain.
            DatabaseFailures.call(() -> db.resultQuery("select lower(e.actor_email), max(e.at) from sharing.audit_events e"
                            + " where e.company_id = {0} and e.type = 'portal.signed_in' and e.outcome = 'ok'"
                            + " and e.actor_email is not null and split_part(lower(e.actor_email), '@', 2) = any({1})"
                            + " group by 1", DSL.val(company.value()), DSL.val(domains.toArray(new String[0])))
                    .fetch())
                    .forEach(row -> signIns.merge(row.get(0, String.class),
                            Times.instant(row.get(1, java.time.OffsetDateTime.class)), (a, b) -> a.isAfter(b) ? a : b));
        }
        return signIns;
    }

    private static Condition filters(CompanyId company, Query query) {
        List<Condition> where = new ArrayList<>();
        where.add(AUDIT_EVENTS.COMPANY_ID.eq(company.value()));
        if (query.from() != null) {
            where.add(AUDIT_EVENTS.AT.ge(Times.column(query.from())));
        }
        if (query.to() != null) {
            where.add(AUDIT_EVENTS.AT.lt(Times.column(query.to())));
        }
        if (query.types() != null && !query.types().isEmpty()) {
            where.add(AUDIT_EVENTS.TYPE.in(query.types().stream().map(AuditType::wire).sorted().toList()));
        }
        if (query.dashboardId() != null) {
            where.add(AUDIT_EVENTS.DASHBOARD_ID.eq(query.dashboardId().value()));
        }
        if (query.shareId() != null) {
            where.add(AUDIT_EVENTS.SHARE_ID.eq(query.shareId().value()));
        }
        if (query.contextId() != null) {
            where.add(AUDIT_EVENTS.CONTEXT_ID.eq(query.contextId().value()));
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            where.add(actor(query.actor().trim()));
        }
        return DSL.and(where);
    }

    /** An email (it has an {@code @}) matches the actor's email whatever its case; anything else the actor's id. */
    static Condition actor(String actor) {
        return actor.indexOf('@') >= 0
                ? DSL.lower(AUDIT_EVENTS.ACTOR_EMAIL).eq(actor.toLowerCase(Locale.ROOT))
                : AUDIT_EVENTS.ACTOR_ID.eq(actor);
    }

    static AuditEvent event(AuditEventsRecord row) {
        return new AuditEvent(row.getId(), Times.instant(row.getAt()), new CompanyId(row.getCompanyId()),
                AuditType.fromWire(row.getType()).orElseThrow(() -> new IllegalStateException("unknown audit type "
                        + row.getType())),
                AuditFlow.fromWire(row.getFlow()).orElseThrow(() -> new IllegalStateException("unknown audit flow "
                        + row.getFlow())),
                actor(row), row.getDashboardId() == null ? null : new DashboardId(row.getDashboardId()),
                row.getShareId() == null ? null : new ShareId(row.getShareId()),
                row.getContextId() == null ? null : new ShareContextId(row.getContextId()),
                object(row.getParameters()), object(row.getDetails()), row.getOutcome(), row.getRowCount(),
                new AuditClient(row.getClientIp(), row.getUserAgent(), row.getRequestId()));
    }

    /** The actor columns as V8 describes them: actor_id, actor_email, actor_name by type. */
    private static AuditActor actor(AuditEventsRecord row) {
        return switch (row.getActorType()) {
            case "anonymous" -> AuditActor.ANONYMOUS;
            case "email" -> new AuditActor.Email(row.getActorEmail());
            case "embed" -> new AuditActor.Embed(row.getActorId(), row.getActorName());
            case "owner" -> new AuditActor.Owner(row.getActorId(), row.getActorEmail());
            case "api_key" -> new AuditActor.ApiKey(row.getActorId(), row.getActorName());
            case "operator" -> AuditActor.OPERATOR;
            default -> throw new IllegalStateException("unknown audit actor type " + row.getActorType());
        };
    }

    private static Map<String, Object> object(JSONB json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, Object> map = JSON.readValue(json.data(), OBJECT);
            // Map.copyOf in AuditEvent refuses null values; a JSON null says no more than an absent member.
            map.values().removeIf(value -> value == null);
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event JSON is not an object", e);
        }
    }
}
