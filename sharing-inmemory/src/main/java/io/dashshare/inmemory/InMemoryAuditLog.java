package io.dashshare.inmemory;

import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.port.AuditLog;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The audit log in memory: {@link #record} appends at once (no queue, so a test reads what it
 * wrote), and the reading side filters and orders as the database adapter's SQL does
 * (docs/api.md, audit log and share statistics). The list is copy-on-write: appends are rare
 * beside reads in the tests that use it, and a reader never sees a list being changed.
 */
public final class InMemoryAuditLog implements AuditLog, AuditEvents {

    /** The log's order: newest first, then by id, both descending (as {@code order by at desc, id desc}). */
    static final Comparator<AuditEvent> NEWEST_FIRST =
            Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::id, InMemoryAuditLog::compareAsPostgres)
                    .reversed();

    private static final Set<AuditType> VIEWS = Set.of(AuditType.SHARE_RESOLVED, AuditType.EMBED_VIEWED);

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private final ShareContextRepository contexts;

    public InMemoryAuditLog(ShareContextRepository contexts) {
        this.contexts = Objects.requireNonNull(contexts);
    }

    @Override
    public void record(AuditEvent event) {
        events.add(Objects.requireNonNull(event));
    }

    /** Everything recorded, in the order it came. */
    public List<AuditEvent> recorded() {
        return List.copyOf(events);
    }

    @Override
    public List<AuditEvent> page(CompanyId company, Query query, Optional<Position> after, int limit) {
        return matching(company, query)
                .filter(e -> after.isEmpty() || olderThan(e, after.get()))
                .limit(limit)
                .toList();
    }

    @Override
    public void each(CompanyId company, Query query, Consumer<AuditEvent> sink) {
        matching(company, query).forEach(sink);
    }

    @Override
    public ShareStats stats(CompanyId company, ShareId share, Instant since) {
        List<AuditEvent> ofShare = events.stream()
                .filter(e -> e.companyId().equals(company) && share.equals(e.shareId()) && e.ok())
                .toList();
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        long views = 0;
        long executions = 0;
        long exports = 0;
        Set<String> viewers = new HashSet<>();
        Instant lastViewedAt = null;
        for (AuditEvent e : ofShare) {
            boolean view = VIEWS.contains(e.type());
            if (view && (lastViewedAt == null || e.at().isAfter(lastViewedAt))) {
                lastViewedAt = e.at();
            }
            int kind = view ? 0 : e.type() == AuditType.DASHBOARD_EXECUTED ? 1 : e.type() == AuditType.WIDGET_EXPORTED ? 2 : -1;
            if (kind < 0 || e.at().isBefore(since)) {
                continue;
            }
            long[] day = byDay.computeIfAbsent(LocalDate.ofInstant(e.at(), ZoneOffset.UTC), d -> new long[3]);
            day[kind]++;
            views += kind == 0 ? 1 : 0;
            executions += kind == 1 ? 1 : 0;
            exports += kind == 2 ? 1 : 0;
            viewers.add(viewer(e));
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((day, counts) -> days.add(new Day(day, counts[0], counts[1], counts[2])));
        return new ShareStats(views, executions, exports, viewers.size(), lastViewedAt, days);
    }

    /** The same key as the SQL's (JooqAuditEvents): email, embed sub or jti, client address. */
    private static String viewer(AuditEvent e) {
        AuditActor actor = e.actor();
        if (actor instanceof AuditActor.Email email) {
            return "email:" + email.email().toLowerCase(Locale.ROOT);
        }
        if (actor instanceof AuditActor.Embed embed) {
            return "embed:" + (embed.subject() != null ? embed.subject() : embed.jti() != null ? embed.jti() : "");
        }
        if (actor instanceof AuditActor.Anonymous) {
            return "ip:" + (e.client().ip() == null ? "" : e.client().ip());
        }
        return actor.type() + ":" + id(actor);
    }

    @Override
    public Map<String, Instant> lastSignIns(CompanyId company, ShareContextId context) {
        Set<String> emails = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (Member member : contexts.listMembers(context)) {
            if (member.admits() instanceof Member.Admits.Address address) {
                emails.add(address.email().value().toLowerCase(Locale.ROOT));
            } else if (member.admits() instanceof Member.Admits.Domain domain) {
                domains.add(domain.domain().value().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, Instant> last = new HashMap<>();
        for (AuditEvent e : events) {
            if (!e.companyId().equals(company) || e.type() != AuditType.PORTAL_SIGNED_IN || !e.ok()
                    || !(e.actor() instanceof AuditActor.Email actor)) {
                continue;
            }
            String email = actor.email().toLowerCase(Locale.ROOT);
            String domain = email.substring(email.indexOf('@') + 1);
            if (emails.contains(email) || domains.contains(domain)) {
                last.merge(email, e.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return last;
    }

    private Stream<AuditEvent> matching(CompanyId company, Query query) {
        return events.stream().filter(e -> e.companyId().equals(company)).filter(filter(query)).sorted(NEWEST_FIRST);
    }

    private static Predicate<AuditEvent> filter(Query q) {
        return e -> (q.from() == null || !e.at().isBefore(q.from()))
                && (q.to() == null || e.at().isBefore(q.to()))
                && (q.types() == null || q.types().isEmpty() || q.types().contains(e.type()))
                && (q.dashboardId() == null || q.dashboardId().equals(e.dashboardId()))
                && (q.shareId() == null || q.shareId().equals(e.shareId()))
                && (q.contextId() == null || q.contextId().equals(e.contextId()))
                && (q.actor() == null || q.actor().isBlank() || actorMatches(e.actor(), q.actor().trim()));
    }

    private static boolean actorMatches(AuditActor actor, String wanted) {
        if (wanted.indexOf('@') >= 0) {
            String email = actor instanceof AuditActor.Email e ? e.email()
                    : actor instanceof AuditActor.Owner o ? o.email() : null;
            return email != null && email.equalsIgnoreCase(wanted);
        }
        return wanted.equals(id(actor));
    }

    /** The actor_id column: the owner's or the API key's id, the embed token's jti. */
    private static String id(AuditActor actor) {
        if (actor instanceof AuditActor.Owner o) {
            return o.id();
        }
        if (actor instanceof AuditActor.ApiKey k) {
            return k.id();
        }
        if (actor instanceof AuditActor.Embed e) {
            return e.jti();
        }
        return null;
    }

    /** {@code (at, id) < (position.at, position.id)}, the SQL's row comparison. */
    private static boolean olderThan(AuditEvent e, Position position) {
        int at = e.at().compareTo(position.at());
        return at < 0 || at == 0 && compareAsPostgres(e.id(), position.id()) < 0;
    }

    /**
     * PostgreSQL orders uuids by their bytes, unsigned; {@link java.util.UUID#compareTo} compares
     * signed longs, which differs when a half has its top bit set.
     */
    static int compareAsPostgres(java.util.UUID a, java.util.UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
