package io.dashshare.domain.testing;

import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An audit event for tests: a public execution of nothing in particular unless told otherwise. */
public final class AuditEventBuilder {

    private UUID id = UUID.randomUUID();
    private Instant at = Instant.parse("2026-01-01T10:00:00Z");
    private CompanyId company = new CompanyId(UUID.randomUUID());
    private AuditType type = AuditType.DASHBOARD_EXECUTED;
    private AuditFlow flow = AuditFlow.PUBLIC;
    private AuditActor actor = AuditActor.ANONYMOUS;
    private DashboardId dashboard;
    private ShareId share;
    private ShareContextId context;
    private Map<String, Object> parameters = Map.of();
    private Map<String, Object> details = Map.of();
    private String outcome = AuditEvent.OK;
    private Integer rowCount;
    private AuditClient client = new AuditClient("203.0.113.0", "JUnit", "req-1");

    private AuditEventBuilder() {
    }

    public static AuditEventBuilder anEvent() {
        return new AuditEventBuilder();
    }

    public AuditEventBuilder withId(UUID value) {
        id = value;
        return this;
    }

    public AuditEventBuilder at(Instant value) {
        at = value;
        return this;
    }

    public AuditEventBuilder inCompany(CompanyId value) {
        company = value;
        return this;
    }

    public AuditEventBuilder ofType(AuditType value) {
        type = value;
        return this;
    }

    public AuditEventBuilder inFlow(AuditFlow value) {
        flow = value;
        return this;
    }

    public AuditEventBuilder by(AuditActor value) {
        actor = value;
        return this;
    }

    public AuditEventBuilder onDashboard(DashboardId value) {
        dashboard = value;
        return this;
    }

    public AuditEventBuilder onShare(ShareId value) {
        share = value;
        return this;
    }

    public AuditEventBuilder inContext(ShareContextId value) {
        context = value;
        return this;
    }

    public AuditEventBuilder withParameters(Map<String, Object> value) {
        parameters = value;
        return this;
    }

    public AuditEventBuilder withDetails(Map<String, Object> value) {
        details = value;
        return this;
    }

    public AuditEventBuilder refusedWith(String errorCode) {
        outcome = errorCode;
        return this;
    }

    public AuditEventBuilder withRowCount(Integer value) {
        rowCount = value;
        return this;
    }

    public AuditEventBuilder from(AuditClient value) {
        client = value;
        return this;
    }

    public AuditEvent build() {
        return new AuditEvent(id, at, company, type, flow, actor, dashboard, share, context, parameters, details, outcome,
                rowCount, client);
    }
}
