package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.SharingAssertions.invalidField;
import static io.dashshare.domain.testing.AuditEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.ReadAuditUseCase;
import io.dashshare.application.port.in.ShareStatisticsUseCase;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.Role;
import io.dashshare.inmemory.InMemoryAuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log's use cases over the in-memory log: roles, limits, pages, the statistics' 30 days. */
class ReadAuditServiceTest {

    private static final AuditEvents.Query RESOLVES = new AuditEvents.Query(null, null,
            Set.of(AuditType.SHARE_RESOLVED), null, null, null, null);

    private SharingHarness h;
    private InMemoryAuditLog log;
    private ReadAuditService audit;
    private ShareStatisticsService statistics;
    private Company acme;
    private OwnerPrincipal admin;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        log = h.store().audit();
        audit = new ReadAuditService(log);
        statistics = new ShareStatisticsService(log, h.store().shares(), h.store().contexts(), h.clock());
        acme = h.company("acme");
        admin = h.ownerOf(acme);
    }

    private AuditEvent resolved(Instant at, ShareId share) {
        AuditEvent event = anEvent().inCompany(acme.id()).at(at).ofType(AuditType.SHARE_RESOLVED).onShare(share).build();
        log.record(event);
        return event;
    }

    @Test
    void only_admins_read_the_log() {
        OwnerPrincipal editor = h.ownerOf(acme, "editor@acme.test", Role.EDITOR);
        OwnerPrincipal viewer = h.ownerOf(acme, "viewer@acme.test", Role.VIEWER);

        failsWith(ErrorCode.FORBIDDEN, () -> audit.events(editor, RESOLVES, Optional.empty(), 10));
        failsWith(ErrorCode.FORBIDDEN, () -> audit.stream(viewer, RESOLVES));
        assertThat(audit.events(admin, RESOLVES, Optional.empty(), 10).events()).isEmpty();
    }

    @Test
    void a_limit_outside_1_to_1000_and_from_after_to_are_refused() {
        invalidField("limit", () -> audit.events(admin, RESOLVES, Optional.empty(), 0));
        invalidField("limit", () -> audit.events(admin, RESOLVES, Optional.empty(), 1001));
        Instant t = SharingHarness.START;
        invalidField("from", () -> audit.events(admin, new AuditEvents.Query(t, t.minusSeconds(1), null, null, null,
                null, null), Optional.empty(), 10));
    }

    @Test
    void next_is_where_the_following_page_starts_and_empty_when_nothing_follows() {
        ShareId share = new ShareId(java.util.UUID.randomUUID());
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(resolved(SharingHarness.START.minusSeconds(i), share));
        }

        ReadAuditUseCase.AuditPage first = audit.events(admin, RESOLVES, Optional.empty(), 3);
        ReadAuditUseCase.AuditPage second = audit.events(admin, RESOLVES, first.next(), 3);

        assertThat(first.events()).containsExactlyElementsOf(events.subList(0, 3));
        assertThat(first.next()).contains(new AuditEvents.Position(events.get(2).at(), events.get(2).id()));
        assertThat(second.events()).containsExactlyElementsOf(events.subList(3, 6));
        assertThat(second.next()).as("a full last page says there is no next").isEmpty();
        List<AuditEvent> streamed = new ArrayList<>();
        audit.stream(admin, RESOLVES).forEach(streamed::add);
        assertThat(streamed).containsExactlyElementsOf(events);
    }

    @Test
    void share_statistics_hold_every_day_of_30_for_editors_and_not_for_viewers_or_other_companies() {
        var share = h.publicShare(admin, h.salesDashboard(acme)).share();
        Instant now = h.clock().instant();
        resolved(now.minus(Duration.ofDays(2)), share.id());
        resolved(now, share.id());
        resolved(now.minus(Duration.ofDays(40)), share.id());

        ShareStatisticsUseCase.ShareStatistics stats = statistics.shareStats(
                h.ownerOf(acme, "editor@acme.test", Role.EDITOR), share.id());

        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        assertThat(stats.firstDay()).isEqualTo(today.minusDays(29));
        assertThat(stats.stats().byDay()).hasSize(30);
        assertThat(stats.stats().byDay().get(0).day()).isEqualTo(today.minusDays(29));
        assertThat(stats.stats().byDay().get(29)).isEqualTo(new AuditEvents.Day(today, 1, 0, 0));
        assertThat(stats.stats().byDay().get(27)).isEqualTo(new AuditEvents.Day(today.minusDays(2), 1, 0, 0));
        assertThat(stats.stats().byDay().stream().mapToLong(AuditEvents.Day::views).sum()).isEqualTo(2);
        assertThat(stats.stats().views()).isEqualTo(2);
        assertThat(stats.stats().lastViewedAt()).isEqualTo(now);
        failsWith(ErrorCode.FORBIDDEN, () -> statistics.shareStats(h.ownerOf(acme, "viewer@acme.test", Role.VIEWER),
                share.id()));
        failsWith(ErrorCode.NOT_FOUND, () -> statistics.shareStats(h.ownerOf(h.company("globex")), share.id()));
    }

    @Test
    void a_member_s_last_sign_in_is_its_email_s_and_a_domain_member_s_is_the_latest_at_its_domain() {
        ShareContext context = h.context(admin, "Partners");
        MemberId ann = h.member(admin, context, "ann@partner.test").id();
        MemberId never = h.member(admin, context, "never@partner.test").id();
        MemberId board = h.contexts().addMember(admin, context.id(), new io.dashshare.application.port.in.NewMember
                .EmailDomainMember(new io.dashshare.domain.common.EmailDomain("board.test"), Optional.empty())).id();
        Instant t = h.clock().instant();
        for (Object[] signIn : new Object[][] {{"ann@partner.test", t.minusSeconds(60)}, {"bob@board.test", t.minusSeconds(30)},
                {"cid@board.test", t.minusSeconds(10)}, {"ann@partner.test", t.minusSeconds(600)}}) {
            log.record(anEvent().inCompany(acme.id()).ofType(AuditType.PORTAL_SIGNED_IN).inFlow(AuditFlow.PORTAL)
                    .by(new AuditActor.Email((String) signIn[0])).at((Instant) signIn[1]).build());
        }

        Map<MemberId, Instant> last = statistics.lastSignIns(admin, context.id());

        assertThat(last).containsEntry(ann, t.minusSeconds(60)).containsEntry(board, t.minusSeconds(10))
                .doesNotContainKey(never).hasSize(2);
        failsWith(ErrorCode.NOT_FOUND, () -> statistics.lastSignIns(h.ownerOf(h.company("globex")), context.id()));
    }
}
