package io.dashshare.bootstrap.ops;

import io.dashshare.adapter.persistence.SharingDatabase;
import io.dashshare.adapter.persistence.gate.DatabaseGate;
import io.dashshare.adapter.persistence.housekeeping.Housekeeping;
import io.dashshare.bootstrap.config.SharingProperties;
import io.dashshare.bootstrap.config.Switches;
import io.dashshare.domain.error.SharingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Housekeeping} purges on every instance, every
 * {@code SHARING_HOUSEKEEPING_INTERVAL} (5 minutes; the purges are safe side by side), and counts
 * the rows removed by table ({@code sharing_housekeeping_deleted_total}); audit events go after
 * {@code SHARING_AUDIT_RETENTION} ({@link SharingProperties.Audit}).
 * {@code SHARING_HOUSEKEEPING_ENABLED=false} leaves it to other instances. Made at start, so that a
 * retention that cannot be (zero, negative) stops the start instead of every round.
 */
@Context
@Requires(condition = Switches.HousekeepingOn.class)
public final class HousekeepingJob {

    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingJob.class);

    private final Housekeeping housekeeping;
    private final Clock clock;
    private final Map<String, Counter> deleted = new LinkedHashMap<>();

    public HousekeepingJob(DatabaseGate gate, SharingProperties.Audit audit, SharingProperties.Housekeeping settings,
                           Clock clock, MeterRegistry registry, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        if (audit.retention().isNegative() || audit.retention().isZero()) {
            throw new IllegalStateException("SHARING_AUDIT_RETENTION must be positive, not " + audit.retention());
        }
        this.housekeeping = Housekeeping.standard(SharingDatabase.dslContext(gate.dataSource()), audit.retention());
        this.clock = clock;
        // Every table's series exists from the start, at 0, so that a rate over it means something at once.
        for (String table : housekeeping.tables()) {
            deleted.put(table, Counter.builder("sharing.housekeeping.deleted").tag("table", table)
                    .description("Rows removed by housekeeping, by table").register(registry));
        }
        // Scheduled from the settings record rather than @Scheduled's property expressions: one
        // place for the defaults, and a wrong value is SettingsCheck's named error.
        scheduler.scheduleWithFixedDelay(settings.initialDelay(), settings.interval(), this::scheduled);
    }

    private void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // A failed round must not end the schedule (the executor drops a task that throws).
            LOG.error("Housekeeping round failed; the next round tries again", e);
        }
    }

    /** One round now; the rows removed by table (empty when the database could not be reached). */
    public Map<String, Long> runOnce() {
        Map<String, Long> removed;
        try {
            removed = housekeeping.run(clock.instant());
        } catch (SharingException e) {
            // Unavailable: the database gate has said so already; the next round tries again.
            LOG.debug("housekeeping skipped: {}", e.getMessage());
            return Map.of();
        }
        removed.forEach((table, rows) -> deleted.get(table).increment(rows));
        long total = removed.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            LOG.info("Housekeeping removed {} rows ({})", total, removed.entrySet().stream()
                    .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return removed;
    }
}
