package io.dashshare.application.service;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.ShareStatisticsUseCase;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.Permission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Share statistics and members' last sign-ins from the audit log. Statistics are the editor's
 * ({@link Permission#EDIT_SHARES}: they tell who looked, so a read-only viewer role does not get
 * them, docs/api.md, roles); the members' sign-ins go with the member list ({@link Permission#READ}).
 */
public final class ShareStatisticsService implements ShareStatisticsUseCase {

    private final AuditEvents audit;
    private final ShareRepository shares;
    private final ShareContextRepository contexts;
    private final Clock clock;

    public ShareStatisticsService(AuditEvents audit, ShareRepository shares, ShareContextRepository contexts,
                                  Clock clock) {
        this.audit = audit;
        this.shares = shares;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public ShareStatistics shareStats(OwnerPrincipal owner, ShareId share) {
        owner.require(Permission.EDIT_SHARES);
        shares.findById(owner.companyId(), share).orElseThrow(() -> SharingException.notFound("Share"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        AuditEvents.ShareStats counted = audit.stats(owner.companyId(), share, first.atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<LocalDate, AuditEvents.Day> byDay = new HashMap<>();
        for (AuditEvents.Day day : counted.byDay()) {
            byDay.put(day.day(), day);
        }
        // Every day of the window, so that a chart needs no gap filling (docs/api.md, share statistics).
        List<AuditEvents.Day> days = new ArrayList<>(DAYS);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(byDay.getOrDefault(day, new AuditEvents.Day(day, 0, 0, 0)));
        }
        return new ShareStatistics(share, first, new AuditEvents.ShareStats(counted.views(), counted.executions(),
                counted.exports(), counted.uniqueViewers(), counted.lastViewedAt(), days));
    }

    @Override
    public Map<MemberId, Instant> lastSignIns(OwnerPrincipal owner, ShareContextId context) {
        owner.require(Permission.READ);
        contexts.findById(owner.companyId(), context).orElseThrow(() -> SharingException.notFound("Share context"));
        Map<String, Instant> byEmail = audit.lastSignIns(owner.companyId(), context);
        Map<MemberId, Instant> byMember = new HashMap<>();
        for (Member member : contexts.listMembers(context)) {
            Instant last = null;
            if (member.admits() instanceof Member.Admits.Address address) {
                last = byEmail.get(address.email().value().toLowerCase(Locale.ROOT));
            } else if (member.admits() instanceof Member.Admits.Domain domain) {
                String at = "@" + domain.domain().value().toLowerCase(Locale.ROOT);
                for (Map.Entry<String, Instant> signIn : byEmail.entrySet()) {
                    if (signIn.getKey().endsWith(at) && (last == null || signIn.getValue().isAfter(last))) {
                        last = signIn.getValue();
                    }
                }
            }
            if (last != null) {
                byMember.put(member.id(), last);
            }
        }
        return byMember;
    }
}
