package io.dashshare.domain.contract;

import static io.dashshare.domain.testing.AuditEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.testing.ContextBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reading port of the audit log (docs/api.md, audit log, share statistics), the same on the
 * in-memory fake and on PostgreSQL. Each test writes its events synchronously through
 * {@link #store} and reads them back through {@link #auditEvents}.
 */
public abstract class AuditEventsContract extends PortContract {

    private static final AuditEvents.Query ALL = new AuditEvents.Query(null, null, null, null, null, null, null);

    /** The reading side of the implementation under test, over the same store as {@link #newPorts}'s. */
    protected abstract AuditEvents auditEvents();

    /** Writes events so that they are readable when this returns. */
    protected abstract void store(List<AuditEvent> events);

    private void store(AuditEvent... events) {
        store(List.of(events));
    }

    private static CompanyId aCompany() {
        return new CompanyId(UUID.randomUUID());
    }

    private static List<UUID> ids(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::id).toList();
    }

    private static AuditEvents.Query types(AuditType... types) {
        return new AuditEvents.Query(null, null, Set.of(types), null, null, null, null);
    }

    @Test
    void a_page_is_newest_first_and_holds_only_the_company_s_events() {
        CompanyId company = aCompany();
        AuditEvent old = anEvent().inCompany(company).at(T0).build();
        AuditEvent recent = anEvent().inCompany(company).at(T0.plusSeconds(60)).build();
        AuditEvent middle = anEvent().inCompany(company).at(T0.plusSeconds(30)).build();
        AuditEvent foreign = anEvent().inCompany(aCompany()).at(T0.plusSeconds(45)).build();
        store(old, recent, middle, foreign);

        assertThat(ids(auditEvents().page(company, ALL, Optional.empty(), 10)))
                .containsExactly(recent.id(), middle.id(), old.id());
    }

    @Test
    void an_event_reads_back_with_every_field() {
        CompanyId company = aCompany();
        AuditEvent event = anEvent().inCompany(company).at(T0.plusMillis(123)).ofType(AuditType.WIDGET_EXPORTED)
                .inFlow(AuditFlow.EMBED).by(new AuditActor.Embed("jti-1", "customer-42"))
                .onDashboard(new DashboardId(UUID.randomUUID())).onShare(new ShareId(UUID.randomUUID()))
                .inContext(new ShareContextId(UUID.randomUUID()))
                .withParameters(Map.of("region", "EU", "years", List.of(2025, 2026), "all", true))
                .withDetails(Map.of("widget", "orders")).withRowCount(27)
                .from(new AuditClient("203.0.113.0", "Mozilla/5.0", "req-42")).build();
        AuditEvent owner = anEvent().inCompany(company).at(T0).ofType(AuditType.SHARE_CREATED).inFlow(AuditFlow.OWNER)
                .by(new AuditActor.Owner(UUID.randomUUID().toString(), "admin@acme.test")).from(AuditClient.NONE)
                .refusedWith("FORBIDDEN").build();
        AuditEvent key = anEvent().inCompany(company).at(T0.minusSeconds(1)).ofType(AuditType.SHARE_CREATED)
                .inFlow(AuditFlow.OWNER).by(new AuditActor.ApiKey(UUID.randomUUID().toString(), "ci")).build();
        AuditEvent viewer = anEvent().inCompany(company).at(T0.minusSeconds(2)).ofType(AuditType.PORTAL_SIGNED_IN)
                .inFlow(AuditFlow.PORTAL).by(new AuditActor.Email("viewer@partner.test")).build();
        AuditEvent operator = anEvent().inCompany(company).at(T0.minusSeconds(3)).ofType(AuditType.COMPANY_SUSPENDED)
                .inFlow(AuditFlow.OPERATOR).by(AuditActor.OPERATOR).build();
        store(event, owner, key, viewer, operator);

        List<AuditEvent> read = auditEvents().page(company, ALL, Optional.empty(), 10);

        assertThat(read).hasSize(5);
        assertThat(read.get(0)).usingRecursiveComparison().ignoringFields("parameters").isEqualTo(event);
        assertThat(read.get(0).parameters()).containsEntry("region", "EU").containsEntry("all", true)
                .containsKey("years");
        assertThat(read.subList(1, 5)).containsExactly(owner, key, viewer, operator);
    }

    @Test
    void each_filter_narrows_the_log() {
        CompanyId company = aCompany();
        DashboardId dashboard = new DashboardId(UUID.randomUUID());
        ShareId share = new ShareId(UUID.randomUUID());
        ShareContextId context = new ShareContextId(UUID.randomUUID());
        String ownerId = UUID.randomUUID().toString();
        AuditEvent executed = anEvent().inCompany(company).at(T0).onDashboard(dashboard).onShare(share).build();
        AuditEvent resolved = anEvent().inCompany(company).at(T0.plusSeconds(10)).ofType(AuditType.SHARE_RESOLVED)
                .onShare(share).inContext(context).inFlow(AuditFlow.PORTAL)
                .by(new AuditActor.Email("viewer@partner.test")).build();
        AuditEvent created = anEvent().inCompany(company).at(T0.plusSeconds(20)).ofType(AuditType.SHARE_CREATED)
                .inFlow(AuditFlow.OWNER).by(new AuditActor.Owner(ownerId, "admin@acme.test")).onDashboard(dashboard)
                .build();
        AuditEvent embed = anEvent().inCompany(company).at(T0.plusSeconds(30)).ofType(AuditType.EMBED_VIEWED)
                .inFlow(AuditFlow.EMBED).by(new AuditActor.Embed("jti-7", "customer-1")).build();
        store(executed, resolved, created, embed);
        AuditEvents audit = auditEvents();

        assertThat(ids(audit.page(company, new AuditEvents.Query(T0.plusSeconds(10), T0.plusSeconds(30), null, null,
                null, null, null), Optional.empty(), 10)))
                .as("from inclusive, to exclusive").containsExactly(created.id(), resolved.id());
        assertThat(ids(audit.page(company, types(AuditType.SHARE_RESOLVED, AuditType.EMBED_VIEWED), Optional.empty(), 10)))
                .containsExactly(embed.id(), resolved.id());
        assertThat(ids(audit.page(company, new AuditEvents.Query(null, null, null, dashboard, null, null, null),
                Optional.empty(), 10))).containsExactly(created.id(), executed.id());
        assertThat(ids(audit.page(company, new AuditEvents.Query(null, null, null, null, share, null, null),
                Optional.empty(), 10))).containsExactly(resolved.id(), executed.id());
        assertThat(ids(audit.page(company, new AuditEvents.Query(null, null, null, null, null, context, null),
                Optional.empty(), 10))).containsExactly(resolved.id());
        assertThat(ids(audit.page(company, new AuditEvents.Query(null, null, null, null, null, null, "Viewer@Partner.TEST"),
                Optional.empty(), 10))).as("an email matches whatever its case").containsExactly(resolved.id());
        assertThat(ids(audit.page(company, new AuditEvents.Query(null, null, null, null, null, null, "admin@acme.test"),
                Optional.empty(), 10))).as("an owner's email").containsExactly(created.id());
        assertThat(ids(audit.page(company, new AuditEvents.Query(null, null, null, null, null, null, ownerId),
                Optional.empty(), 10))).as("an owner's id").containsExactly(created.id());
        assertThat(ids(audit.page(company, new AuditEvents.Query(null, null, null, null, null, null, "jti-7"),
                Optional.empty(), 10))).as("an embed token's jti").containsExactly(embed.id());
        assertThat(ids(audit.page(company, new AuditEvents.Query(T0, null, Set.of(AuditType.SHARE_RESOLVED), null, share,
                context, "viewer@partner.test"), Optional.empty(), 10))).as("filters combine").containsExactly(resolved.id());
        assertThat(audit.page(company, new AuditEvents.Query(null, null, null, null, null, null, "nobody@partner.test"),
                Optional.empty(), 10)).isEmpty();
    }

    @Test
    void pages_after_a_position_continue_the_order_and_ties_on_time_go_by_id() {
        CompanyId company = aCompany();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Five events share each instant: the id decides their order.
            events.add(anEvent().inCompany(company).at(T0.plusSeconds(i / 5)).build());
        }
        store(events);
        AuditEvents audit = auditEvents();
        List<AuditEvent> all = audit.page(company, ALL, Optional.empty(), 100);

        List<AuditEvent> paged = new ArrayList<>();
        Optional<AuditEvents.Position> after = Optional.empty();
        for (int pages = 0; pages < 10; pages++) {
            List<AuditEvent> page = audit.page(company, ALL, after, 7);
            paged.addAll(page);
            if (page.size() < 7) {
                break;
            }
            AuditEvent last = page.get(page.size() - 1);
            after = Optional.of(new AuditEvents.Position(last.at(), last.id()));
        }

        assertThat(all).hasSize(25);
        assertThat(ids(paged)).containsExactlyElementsOf(ids(all));
        for (int i = 1; i < all.size(); i++) {
            AuditEvent newer = all.get(i - 1);
            AuditEvent older = all.get(i);
            assertThat(newer.at()).isAfterOrEqualTo(older.at());
        }
    }

    @Test
    void paging_while_events_are_written_repeats_none_and_skips_none_of_those_that_existed() throws Exception {
        CompanyId company = aCompany();
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        List<AuditEvent> existing = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            existing.add(anEvent().inCompany(company).at(now.minusSeconds(i * 10L / 3)).build());
        }
        store(existing);
        AuditEvents audit = auditEvents();
        AtomicBoolean paging = new AtomicBoolean(true);
        List<AuditEvent> written = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch writing = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            int i = 0;
            while (paging.get() && i < 400) {
                // New events (now and later) and late ones (a batch that reached the store late,
                // inside the range being paged).
                Instant at = i % 2 == 0 ? now.plusMillis(i) : now.minusSeconds(i % 400);
                AuditEvent event = anEvent().inCompany(company).at(at).build();
                store(List.of(event));
                written.add(event);
                writing.countDown();
                i++;
            }
        });

        List<AuditEvent> seen = new ArrayList<>();
        List<AuditEvent> first = audit.page(company, ALL, Optional.empty(), 13);
        writer.start();
        // The rest of the pages are read while the writer writes: without this wait the in-memory
        // pages could all be read before the writer's thread first ran.
        assertThat(writing.await(10, TimeUnit.SECONDS)).as("the writer started").isTrue();
        seen.addAll(first);
        List<AuditEvent> page = first;
        while (page.size() == 13) {
            AuditEvent last = page.get(12);
            page = audit.page(company, ALL, Optional.of(new AuditEvents.Position(last.at(), last.id())), 13);
            seen.addAll(page);
        }
        paging.set(false);
        writer.join(30_000);

        List<UUID> seenIds = ids(seen);
        assertThat(new HashSet<>(seenIds)).as("no event twice").hasSize(seenIds.size());
        assertThat(seenIds).as("every event that existed at the first page").containsAll(ids(existing));
        assertThat(written).as("the writer ran while paging").isNotEmpty();
    }

    @Test
    void each_streams_the_query_in_the_log_s_order() {
        CompanyId company = aCompany();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            events.add(anEvent().inCompany(company).at(T0.plusMillis(i * 7L)).ofType(i % 3 == 0
                    ? AuditType.SHARE_RESOLVED : AuditType.DASHBOARD_EXECUTED).build());
        }
        store(events);
        store(anEvent().inCompany(aCompany()).at(T0).ofType(AuditType.SHARE_RESOLVED).build());
        AuditEvents audit = auditEvents();

        List<AuditEvent> streamed = new ArrayList<>();
        audit.each(company, types(AuditType.SHARE_RESOLVED), streamed::add);

        assertThat(streamed).hasSize(400);
        assertThat(ids(streamed)).containsExactlyElementsOf(ids(audit.page(company, types(AuditType.SHARE_RESOLVED),
                Optional.empty(), 1_000)));
    }

    @Test
    void share_statistics_count_ok_views_executions_and_exports_by_utc_day_and_unique_viewers() {
        CompanyId company = aCompany();
        ShareId share = new ShareId(UUID.randomUUID());
        Instant since = Instant.parse("2026-02-01T00:00:00Z");
        Instant day1 = Instant.parse("2026-02-03T23:59:59Z");
        Instant day2 = Instant.parse("2026-02-04T00:00:01Z");
        AuditClient visitorA = new AuditClient("203.0.113.0", "UA", "r");
        AuditClient visitorB = new AuditClient("198.51.100.0", "UA", "r");
        store(
                anEvent().inCompany(company).onShare(share).at(day1).ofType(AuditType.SHARE_RESOLVED).from(visitorA).build(),
                anEvent().inCompany(company).onShare(share).at(day1).ofType(AuditType.DASHBOARD_EXECUTED).from(visitorA).build(),
                anEvent().inCompany(company).onShare(share).at(day1).ofType(AuditType.DASHBOARD_EXECUTED).from(visitorA).build(),
                anEvent().inCompany(company).onShare(share).at(day2).ofType(AuditType.SHARE_RESOLVED).inFlow(AuditFlow.PORTAL)
                        .by(new AuditActor.Email("Viewer@Partner.test")).build(),
                anEvent().inCompany(company).onShare(share).at(day2.plusSeconds(5)).ofType(AuditType.SHARE_RESOLVED)
                        .inFlow(AuditFlow.PORTAL).by(new AuditActor.Email("viewer@partner.test")).build(),
                anEvent().inCompany(company).onShare(share).at(day2).ofType(AuditType.WIDGET_EXPORTED).from(visitorB).build(),
                anEvent().inCompany(company).onShare(share).at(day2).ofType(AuditType.EMBED_VIEWED).inFlow(AuditFlow.EMBED)
                        .by(new AuditActor.Embed("jti-1", "customer-1")).build(),
                anEvent().inCompany(company).onShare(share).at(day2).ofType(AuditType.EMBED_VIEWED).inFlow(AuditFlow.EMBED)
                        .by(new AuditActor.Embed("jti-2", "customer-1")).build(),
                // Not counted: refused, another type, before the window, another share, another company.
                anEvent().inCompany(company).onShare(share).at(day2).ofType(AuditType.DASHBOARD_EXECUTED)
                        .refusedWith("RATE_LIMITED").from(new AuditClient("192.0.2.0", "UA", "r")).build(),
                anEvent().inCompany(company).onShare(share).at(day2).ofType(AuditType.FILTER_OPTIONS).build(),
                anEvent().inCompany(company).onShare(share).at(since.minusSeconds(1)).ofType(AuditType.SHARE_RESOLVED).build(),
                anEvent().inCompany(company).onShare(new ShareId(UUID.randomUUID())).at(day2).ofType(AuditType.SHARE_RESOLVED).build(),
                anEvent().inCompany(aCompany()).onShare(share).at(day2).ofType(AuditType.SHARE_RESOLVED).build());

        AuditEvents.ShareStats stats = auditEvents().stats(company, share, since);

        assertThat(stats.views()).isEqualTo(5);
        assertThat(stats.executions()).isEqualTo(2);
        assertThat(stats.exports()).isEqualTo(1);
        assertThat(stats.uniqueViewers()).as("two addresses, one email, one embed sub").isEqualTo(4);
        assertThat(stats.lastViewedAt()).isEqualTo(day2.plusSeconds(5));
        assertThat(stats.byDay()).containsExactly(
                new AuditEvents.Day(LocalDate.parse("2026-02-03"), 1, 2, 0),
                new AuditEvents.Day(LocalDate.parse("2026-02-04"), 4, 0, 1));
    }

    @Test
    void share_statistics_of_a_share_without_events_are_zero_and_the_last_view_may_be_older_than_the_window() {
        CompanyId company = aCompany();
        ShareId quiet = new ShareId(UUID.randomUUID());
        ShareId old = new ShareId(UUID.randomUUID());
        Instant since = Instant.parse("2026-02-01T00:00:00Z");
        store(anEvent().inCompany(company).onShare(old).at(since.minus(Duration.ofDays(3)))
                .ofType(AuditType.SHARE_RESOLVED).build());

        AuditEvents.ShareStats none = auditEvents().stats(company, quiet, since);
        AuditEvents.ShareStats stale = auditEvents().stats(company, old, since);

        assertThat(none).isEqualTo(new AuditEvents.ShareStats(0, 0, 0, 0, null, List.of()));
        assertThat(stale.views()).isZero();
        assertThat(stale.byDay()).isEmpty();
        assertThat(stale.lastViewedAt()).isEqualTo(since.minus(Duration.ofDays(3)));
    }

    @Test
    void last_sign_ins_are_the_latest_successful_portal_sign_in_of_each_email_the_context_admits() {
        CompanyId company = savedCompany().id();
        ShareContext context = ContextBuilder.aContext().inCompany(company).build();
        ports.contexts().save(context);
        ports.contexts().addMember(ContextBuilder.aMember(context.id(), new EmailAddress("ann@partner.test"), T0));
        ports.contexts().addMember(ContextBuilder.aMember(context.id(), new EmailAddress("never@partner.test"), T0));
        Member domain = ContextBuilder.aDomainMember(context.id(), new EmailDomain("board.test"), T0);
        ports.contexts().addMember(domain);
        AuditActor ann = new AuditActor.Email("ann@partner.test");
        AuditActor bob = new AuditActor.Email("bob@board.test");
        store(
                anEvent().inCompany(company).ofType(AuditType.PORTAL_SIGNED_IN).inFlow(AuditFlow.PORTAL).by(ann).at(T0).build(),
                anEvent().inCompany(company).ofType(AuditType.PORTAL_SIGNED_IN).inFlow(AuditFlow.PORTAL).by(ann)
                        .at(T0.plusSeconds(60)).build(),
                anEvent().inCompany(company).ofType(AuditType.PORTAL_SIGN_IN_FAILED).inFlow(AuditFlow.PORTAL).by(ann)
                        .at(T0.plusSeconds(120)).refusedWith("TOKEN_INVALID").build(),
                anEvent().inCompany(company).ofType(AuditType.PORTAL_SIGNED_IN).inFlow(AuditFlow.PORTAL).by(ann)
                        .at(T0.plusSeconds(180)).refusedWith("TOKEN_INVALID").build(),
                anEvent().inCompany(company).ofType(AuditType.PORTAL_SIGNED_IN).inFlow(AuditFlow.PORTAL).by(bob)
                        .at(T0.plusSeconds(30)).build(),
                // Not of this context: another address, a subdomain, another company's portal.
                anEvent().inCompany(company).ofType(AuditType.PORTAL_SIGNED_IN).inFlow(AuditFlow.PORTAL)
                        .by(new AuditActor.Email("eve@partner.test")).at(T0).build(),
                anEvent().inCompany(company).ofType(AuditType.PORTAL_SIGNED_IN).inFlow(AuditFlow.PORTAL)
                        .by(new AuditActor.Email("sub@x.board.test")).at(T0).build(),
                anEvent().inCompany(aCompany()).ofType(AuditType.PORTAL_SIGNED_IN).inFlow(AuditFlow.PORTAL).by(ann)
                        .at(T0.plusSeconds(600)).build());

        Map<String, Instant> last = auditEvents().lastSignIns(company, context.id());

        assertThat(last).isEqualTo(Map.of("ann@partner.test", T0.plusSeconds(60), "bob@board.test", T0.plusSeconds(30)));
    }

    @Test
    void no_filter_ever_reaches_another_company_s_events() {
        CompanyId mine = aCompany();
        CompanyId theirs = aCompany();
        ShareId share = new ShareId(UUID.randomUUID());
        store(anEvent().inCompany(theirs).onShare(share).ofType(AuditType.SHARE_RESOLVED).by(new AuditActor.Email("x@y.test"))
                .build());

        AuditEvents audit = auditEvents();
        assertThat(audit.page(mine, ALL, Optional.empty(), 10)).isEmpty();
        assertThat(audit.page(mine, new AuditEvents.Query(null, null, null, null, share, null, "x@y.test"),
                Optional.empty(), 10)).isEmpty();
        assertThat(audit.stats(mine, share, T0.minus(Duration.ofDays(400))).views()).isZero();
        List<AuditEvent> streamed = new ArrayList<>();
        audit.each(mine, ALL, streamed::add);
        assertThat(streamed).isEmpty();
        assertThat(streamed.stream().map(AuditEvent::companyId).collect(Collectors.toSet())).isEmpty();
    }
}
