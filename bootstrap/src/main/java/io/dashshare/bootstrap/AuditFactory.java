package io.dashshare.bootstrap;

import io.dashshare.application.port.in.ReadAuditUseCase;
import io.dashshare.application.port.in.ShareStatisticsUseCase;
import io.dashshare.application.service.ReadAuditService;
import io.dashshare.application.service.ShareStatisticsService;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the audit log's reading use cases: the log for admins, share statistics, members' sign-ins (docs/api.md). */
@Factory
public class AuditFactory {

    @Singleton
    ReadAuditUseCase readAudit(AuditEvents audit) {
        return new ReadAuditService(audit);
    }

    @Singleton
    ShareStatisticsUseCase shareStatistics(AuditEvents audit, ShareRepository shares, ShareContextRepository contexts,
                                           Clock clock) {
        return new ShareStatisticsService(audit, shares, contexts, clock);
    }
}
