package io.dashshare.application.port.in;

import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.share.ShareId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What the audit log tells about a share and about a context's members (docs/api.md, share
 * statistics and last_sign_in_at): counted from the events, for owners who share.
 */
public interface ShareStatisticsUseCase {

    /** The window of the statistics: today (UTC) and the 29 days before it. */
    int DAYS = 30;

    /** 404 for a share the caller's company does not have; 403 below the editor role. */
    ShareStatistics shareStats(OwnerPrincipal owner, ShareId share);

    /**
     * The last portal sign-in of each member of a context that has one (docs/api.md,
     * last_sign_in_at: an email member's own, a domain member's latest of any address at its
     * domain); 404 for a context of another company.
     */
    Map<MemberId, Instant> lastSignIns(OwnerPrincipal owner, ShareContextId context);

    /** The statistics with every day of the window in {@code stats.byDay()}, oldest first, zeros included. */
    record ShareStatistics(ShareId shareId, LocalDate firstDay, AuditEvents.ShareStats stats) {
    }
}
