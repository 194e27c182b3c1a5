package io.dashshare.application.service;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.ReadAuditUseCase;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.port.AuditEvents;
import io.dashshare.domain.tenant.Permission;
import java.util.List;
import java.util.Optional;

/** The audit log for admins ({@link Permission#READ_AUDIT}), always of the caller's own company. */
public final class ReadAuditService implements ReadAuditUseCase {

    private final AuditEvents audit;

    public ReadAuditService(AuditEvents audit) {
        this.audit = audit;
    }

    @Override
    public AuditPage events(OwnerPrincipal owner, AuditEvents.Query query, Optional<AuditEvents.Position> after,
                            int limit) {
        owner.require(Permission.READ_AUDIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        checkRange(query);
        // One more than asked: whether it exists says if there is a next page, without a count.
        List<AuditEvent> read = audit.page(owner.companyId(), query, after, limit + 1);
        if (read.size() <= limit) {
            return new AuditPage(read, Optional.empty());
        }
        List<AuditEvent> page = read.subList(0, limit);
        AuditEvent last = page.get(limit - 1);
        return new AuditPage(page, Optional.of(new AuditEvents.Position(last.at(), last.id())));
    }

    @Override
    public AuditStream stream(OwnerPrincipal owner, AuditEvents.Query query) {
        owner.require(Permission.READ_AUDIT);
        checkRange(query);
        return sink -> audit.each(owner.companyId(), query, sink);
    }

    private static void checkRange(AuditEvents.Query query) {
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidValueException("from", "must not be after to");
        }
    }
}
