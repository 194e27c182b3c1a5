package io.dashshare.bootstrap.ops;

import io.dashshare.adapter.persistence.housekeeping.Housekeeping;
import io.dashshare.domain.error.SharingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Housekeeping} purges on every instance, every
 * {@code SHARING_HOUSEKEEPING_INTERVAL} (5 minutes; the purges are safe side by side), and counts
 * the rows removed by table ({@code sharing_housekeeping_deleted_total}).
 * {@code SHARING_HOUSEKEEPING_ENABLED=false} leaves it to other instances.
 */
@Singleton
@Requires(property = "sharing.housekeeping.enabled", notEquals = "false")
public final class HousekeepingJob {

    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingJob.class);

    private final Housekeeping housekeeping;
    private final Clock clock;
    private final Map<String, Counter> deleted = new LinkedHashMap<>();

    public HousekeepingJob(Housekeeping housekeeping, Clock clock, MeterRegistry registry) {
        this.housekeeping = housekeeping;
        this.clock = clock;
        // Every table's series exists from the start, at 0, so that a rate over it means something at once.
        for (String table : housekeeping.tables()) {
            deleted.put(table, Counter.builder("sharing.housekeeping.deleted").tag("table", table)
                    .description("Rows removed by housekeeping, by table").register(registry));
        }
    }

    @Scheduled(fixedDelay = "${sharing.housekeeping.interval:5m}",
            initialDelay = "${sharing.housekeeping.initial-delay:1m}")
    void scheduled() {
        runOnce();
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
