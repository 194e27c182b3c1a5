package io.dashshare.application.service;

import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.share.ShareId;
import java.time.Clock;
import java.time.Duration;

/**
 * How many executions per minute one viewer-facing entry point (a share, an embedded dashboard)
 * may send to the data source (docs/operations.md, protecting the databases). Only executions that
 * run at least one query count: answers served entirely from the result cache cost the database
 * nothing. The counters are the {@link RateLimiter}'s, the shared database one when several
 * instances run, so a limit means the same however many instances serve a link.
 */
public final class ExecutionQuotas {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimiter limiter;
    private final Clock clock;
    private final SharingSettings settings;

    public ExecutionQuotas(RateLimiter limiter, Clock clock, SharingSettings settings) {
        this.limiter = limiter;
        this.clock = clock;
        this.settings = settings;
    }

    /** One entry point's quota; a rate of 0 or less is no limit. */
    public record Quota(String key, int perMinute) {
    }

    public Quota share(ShareId share) {
        return new Quota("executions:share:" + share, settings.limits().executionsPerSharePerMinute());
    }

    public Quota embed(DashboardId dashboard) {
        return new Quota("executions:embed:" + dashboard, settings.limits().executionsPerEmbedDashboardPerMinute());
    }

    /** A meter for one request: the first query it runs counts one execution, later ones nothing. */
    public Meter meter(Quota quota) {
        return new Meter(quota);
    }

    /** Counts one execution now; 429 with the time left in the window when the quota is spent. */
    void spend(Quota quota) {
        if (quota.perMinute() <= 0) {
            return;
        }
        RateLimiter.Decision decision = limiter.hit(quota.key(), quota.perMinute(), WINDOW, clock.instant());
        if (!decision.allowed()) {
            throw new RateLimitedException(decision.retryAfter());
        }
    }

    /**
     * Spends its quota once, on the first query of the request it belongs to. The widgets of one
     * execution run side by side ({@link WidgetFanOut}): a query that comes while the first one's
     * spend is still being decided waits for that decision, so no statement of a refused
     * execution reaches the data source, and each of them fails the same way.
     */
    public final class Meter {

        private final Quota quota;
        private boolean decided;
        private RuntimeException refusal;

        private Meter(Quota quota) {
            this.quota = quota;
        }

        synchronized void beforeQuery() {
            if (!decided) {
                decided = true;
                try {
                    spend(quota);
                } catch (RuntimeException e) {
                    refusal = e;
                    throw e;
                }
            } else if (refusal != null) {
                throw refusal;
            }
        }
    }
}
