package io.dashshare.bootstrap.ops;

import io.dashshare.adapter.persistence.gate.DatabaseGate;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Readiness follows the service database: DOWN while its gate is closed (the gate's heartbeat
 * notices an outage within about a second even without traffic, and its return as fast). It reads
 * a flag, so a probe never waits on a connection timeout. Only the status is shown to anonymous
 * callers ({@code endpoints.health.details-visible=NEVER}).
 */
@Singleton
@Readiness
public final class ServiceDatabaseHealth implements HealthIndicator {

    private final DatabaseGate gate;

    public ServiceDatabaseHealth(DatabaseGate gate) {
        this.gate = gate;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("sharing-database",
                gate.isReachable() ? HealthStatus.UP : HealthStatus.DOWN).build());
    }
}
