package io.dashshare.adapter.persistence.housekeeping;

import io.dashshare.adapter.persistence.SharingDatabase;
import io.dashshare.adapter.persistence.gate.DatabaseGate;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The housekeeping bean, over the service database behind its gate; bootstrap schedules it.
 * {@code SHARING_AUDIT_RETENTION} ({@code sharing.audit.retention}, default {@code 90d}; any
 * Micronaut duration: {@code 90d}, {@code 2160h}, ISO {@code P90D}) is how long audit events are kept.
 */
@Factory
public class HousekeepingFactory {

    @Singleton
    Housekeeping housekeeping(DatabaseGate gate, @Value("${sharing.audit.retention:90d}") Duration auditRetention) {
        return Housekeeping.standard(SharingDatabase.dslContext(gate.dataSource()), auditRetention);
    }
}
