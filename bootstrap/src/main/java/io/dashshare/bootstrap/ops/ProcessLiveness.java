package io.dashshare.bootstrap.ops;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Liveness is "the process answers HTTP": UP whenever this runs. The database is readiness'
 * business, never liveness' (a restart does not bring PostgreSQL back). Replaces Micronaut's
 * deadlocked-threads scan, which stops every thread at a safepoint on each probe.
 */
@Singleton
@Liveness
public final class ProcessLiveness implements HealthIndicator {

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("process", HealthStatus.UP).build());
    }
}
