package io.dashshare.bootstrap;

import io.dashshare.adapter.persistence.SharingDatabase;
import io.dashshare.adapter.persistence.audit.JooqAuditLog;
import io.dashshare.adapter.persistence.gate.DatabaseGate;
import io.dashshare.application.port.in.ReadAuditUseCase;
import io.dashshare.application.port.in.ShareStatisticsUseCase;
import io.dashshare.application.service.Audit;
import io.dashshare.application.service.ReadAuditService;
import io.dashshare.application.service.ShareStatisticsService;
import io.dashshare.bootstrap.config.SharingProperties;
import io.dashshare.bootstrap.config.Switches;
import io.dashshare.domain.audit.ClientIpPolicy;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.port.AuditLog;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The audit log (docs/api.md, audit log): the use cases' {@link Audit}, and its sink, the
 * batching writer to {@code sharing.audit_events} with its dropped-events counter
 * ({@code sharing_audit_dropped_total}); {@code SHARING_AUDIT_ENABLED=false} swaps the writer for
 * a sink that keeps nothing (the benchmark's audit-off run). And the reading use cases: the log for
 * admins, share statistics, members' sign-ins.
 */
@Factory
public class AuditFactory {

    /** Made at start: a value that is none of the three stops it (made at the first request, it made every request a 500). */
    @Context
    ClientIpPolicy clientIpPolicy(SharingProperties.Audit settings) {
        return ClientIpPolicy.fromSetting(settings.clientIp()).orElseThrow(() -> new ConfigurationException(
                "SHARING_AUDIT_CLIENT_IP must be truncated, full or none, not '" + settings.clientIp() + "'"));
    }

    @Singleton
    Audit audit(AuditLog log, Clock clock, ClientIpPolicy ips, RandomSource random) {
        return new Audit(log, clock, ips, random);
    }

    /**
     * Built after the service database's gate and pool it writes through, so closed before them:
     * its shutdown flush still has a database (AuditShutdownTest).
     */
    @Singleton
    @Requires(condition = Switches.AuditOn.class)
    @Bean(typed = {AuditLog.class, JooqAuditLog.class}, preDestroy = "close")
    JooqAuditLog auditWriter(DatabaseGate gate, SharingProperties.Audit settings, MeterRegistry registry) {
        // Both series exist from the start, at 0, so that an alert on their rate means something at once.
        Map<String, Counter> dropped = Map.of(
                JooqAuditLog.QUEUE_FULL, droppedCounter(registry, JooqAuditLog.QUEUE_FULL),
                JooqAuditLog.WRITE_FAILED, droppedCounter(registry, JooqAuditLog.WRITE_FAILED));
        return new JooqAuditLog(SharingDatabase.dslContext(gate.dataSource()),
                new JooqAuditLog.Settings(settings.queueCapacity(), settings.batchSize(), settings.writeAttempts(),
                        Duration.ofSeconds(30)),
                (reason, events) -> dropped.get(reason).increment(events));
    }

    @Singleton
    @Requires(condition = Switches.AuditOff.class)
    AuditLog auditOff() {
        return event -> { };
    }

    @Singleton
    ReadAuditUseCase readAudit(AuditEvents audit) {
        return new ReadAuditService(audit);
    }

    @Singleton
    ShareStatisticsUseCase shareStatistics(AuditEvents audit, ShareRepository shares, ShareContextRepository contexts,
                                           Clock clock) {
        return new ShareStatisticsService(audit, shares, contexts, clock);
    }

    private static Counter droppedCounter(MeterRegistry registry, String reason) {
        return Counter.builder("sharing.audit.dropped").tag("reason", reason)
                .description("Audit events that could not be kept, by reason").register(registry);
    }
}
