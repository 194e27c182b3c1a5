package io.dashshare.domain.port;

import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reading the audit log of one company (docs/api.md, audit log, share statistics). Separate from
 * {@link AuditLog}: that one is a queue on the viewers' path, this one a query store on the owners'.
 */
public interface AuditEvents {

    /** Newest first, {@code limit} events after {@code after} (the last event of the previous page). */
    List<AuditEvent> page(CompanyId company, Query query, Optional<Position> after, int limit);

    /** Every event of the query, newest first, one at a time (the CSV download streams them). */
    void each(CompanyId company, Query query, Consumer<AuditEvent> sink);

    /** Views, executions, exports and unique viewers of a share since {@code since}, by UTC day. */
    ShareStats stats(CompanyId company, ShareId share, Instant since);

    /** The last {@code portal.signed_in} event of each email of a context (lower-cased email to time). */
    Map<String, Instant> lastSignIns(CompanyId company, ShareContextId context);

    /** The filters of docs/api.md; null or empty means no filter on that member. */
    record Query(
            Instant from,
            Instant to,
            Set<AuditType> types,
            DashboardId dashboardId,
            ShareId shareId,
            ShareContextId contextId,
            String actor) {
    }

    /** Where a page ends, in the order of the log (at, then id, both descending). */
    record Position(Instant at, UUID id) {
    }

    record ShareStats(long views, long executions, long exports, long uniqueViewers, Instant lastViewedAt, List<Day> byDay) {
    }

    record Day(LocalDate day, long views, long executions, long exports) {
    }
}
