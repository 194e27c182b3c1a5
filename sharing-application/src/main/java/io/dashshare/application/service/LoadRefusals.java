package io.dashshare.application.service;

import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.execution.QueryFailedException;
import java.time.Duration;

/**
 * A data source at its concurrency cap, or a process with no memory for rows, makes the whole
 * answer 429: never a dashboard with holes the viewer cannot tell from empty data, nor an export
 * cut short, nor filter options that look empty (docs/api.md, refusals for load).
 */
final class LoadRefusals {

    private static final System.Logger LOG = System.getLogger(LoadRefusals.class.getName());

    /** What a caller refused for load is told to wait: a query slot frees within about that. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private LoadRefusals() {
    }

    /** Throws the 429 when {@code e} is a refusal for load; returns otherwise. */
    static void failIfBusy(String what, DashboardId dashboard, QueryFailedException e) {
        if (e.reason() == QueryFailedException.Reason.TOO_BUSY) {
            LOG.log(System.Logger.Level.INFO, "{0} {1} refused for load: {2}", what, dashboard, e.getMessage());
            throw new RateLimitedException(RETRY_AFTER);
        }
    }
}
