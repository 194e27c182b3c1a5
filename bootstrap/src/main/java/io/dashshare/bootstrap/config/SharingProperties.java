package io.dashshare.bootstrap.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * The documented settings of the service (README, configuration), bound by Micronaut from its
 * properties and from environment variables of the same name ({@code SHARING_QUERY_TIMEOUT} is
 * {@code sharing.query.timeout}). Each group is a record of its own, with the defaults here.
 */
public final class SharingProperties {

    private SharingProperties() {
    }

    /**
     * {@code sharing.query.*}: every widget's statement timeout and row cap; the deadline of one
     * whole dashboard execution, how many of its widgets run at once (further bounded by half the
     * data source's concurrency cap), and the threads they run on, shared by all executions; the
     * memory the rows of executions in flight may hold ({@code memory}, "16MB") and of one execution
     * ({@code max-execution-bytes}), each derived from the heap when unset (docs/filters.md,
     * "Memory of an execution").
     */
    @ConfigurationProperties("sharing.query")
    public record Query(@Bindable(defaultValue = "15s") Duration timeout,
                        @Bindable(defaultValue = "10000") int maxRows,
                        @Bindable(defaultValue = "20s") Duration executionDeadline,
                        @Bindable(defaultValue = "8") int widgetsInParallel,
                        @Bindable(defaultValue = "64") int widgetThreads,
                        @Nullable @ReadableBytes Long memory,
                        @Nullable @ReadableBytes Long maxExecutionBytes) {
    }

    /**
     * {@code sharing.export.*} ({@code SHARING_EXPORT_MAX_ROWS}): the most rows one CSV export
     * streams; the widget cap {@code sharing.query.max-rows} does not apply to exports.
     */
    @ConfigurationProperties("sharing.export")
    public record Export(@Bindable(defaultValue = "100000") int maxRows) {
    }

    /**
     * {@code sharing.cache.*}: the result cache of viewer executions ({@code 0s} turns it off), at
     * most {@code max-entries} widget results and {@code max-bytes} of heap (an estimate; "8MB").
     */
    @ConfigurationProperties("sharing.cache")
    public record Cache(@Bindable(defaultValue = "30s") Duration ttl,
                        @Bindable(defaultValue = "10000") int maxEntries,
                        @Bindable(defaultValue = "8MB") @ReadableBytes long maxBytes) {
    }

    /** {@code sharing.limits.*}: executions per minute that reach a data source (0 turns a limit off). */
    @ConfigurationProperties("sharing.limits")
    public record Limits(@Bindable(defaultValue = "600") int executionsPerSharePerMinute,
                         @Bindable(defaultValue = "1200") int executionsPerEmbedDashboardPerMinute) {
    }

    /** {@code sharing.otp.*}: the least time a code request takes, whoever asks (docs/security.md#codes-5). */
    @ConfigurationProperties("sharing.otp")
    public record Otp(@Bindable(defaultValue = "250ms") Duration minimumRequestTime) {
    }

    /**
     * {@code sharing.outbox.*}: how often each instance looks for mail to send, and the backoff of a
     * mail SMTP refused (doubling from {@code first-retry} up to {@code max-retry}; README, mail outbox).
     */
    @ConfigurationProperties("sharing.outbox")
    public record Outbox(@Bindable(defaultValue = "1s") Duration pollInterval,
                         @Bindable(defaultValue = "5s") Duration firstRetry,
                         @Bindable(defaultValue = "1m") Duration maxRetry) {
    }

    /**
     * {@code sharing.audit.*} (docs/api.md, audit log; README, operating notes): {@code enabled}
     * ({@code SHARING_AUDIT_ENABLED}, off only to measure what the log costs), {@code client-ip}
     * ({@code SHARING_AUDIT_CLIENT_IP}: {@code truncated}, {@code full} or {@code none}), how often
     * each instance writes its queued events, how many may wait, how many one insert writes, how
     * many flushes a failing batch gets before it is counted as dropped, and how long events are kept
     * ({@code SHARING_AUDIT_RETENTION}: any Micronaut duration, {@code 90d}, {@code 2160h}, ISO
     * {@code P90D}).
     */
    @ConfigurationProperties("sharing.audit")
    public record Audit(@Bindable(defaultValue = "true") boolean enabled,
                        @Bindable(defaultValue = "truncated") String clientIp,
                        @Bindable(defaultValue = "1s") Duration flushInterval,
                        @Bindable(defaultValue = "20000") int queueCapacity,
                        @Bindable(defaultValue = "500") int batchSize,
                        @Bindable(defaultValue = "3") int writeAttempts,
                        @Bindable(defaultValue = "90d") Duration retention) {
    }

    /**
     * {@code sharing.housekeeping.*} (README, housekeeping): whether this instance purges
     * ({@code SHARING_HOUSEKEEPING_ENABLED}), how often ({@code SHARING_HOUSEKEEPING_INTERVAL}),
     * and the wait before its first round. The job's schedule reads the same properties.
     */
    @ConfigurationProperties("sharing.housekeeping")
    public record Housekeeping(@Bindable(defaultValue = "true") boolean enabled,
                               @Bindable(defaultValue = "5m") Duration interval,
                               @Bindable(defaultValue = "1m") Duration initialDelay) {
    }
}
