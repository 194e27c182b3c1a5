package io.dashshare.domain.audit;

import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of the audit log (docs/api.md, audit log and event catalogue).
 *
 * <p>{@code parameters} are the effective filter values of a viewer request (filter slug to a
 * String, Number, Boolean or List of those); {@code details} are the type's own facts (for example
 * the new role of an owner, the member's email), the same value types. {@code outcome} is
 * {@code ok} or the error code the request answered. Nullable: the three ids, rowCount. Nothing
 * here may hold a token, code, password or secret.
 */
public record AuditEvent(
        UUID id,
        Instant at,
        CompanyId companyId,
        AuditType type,
        AuditFlow flow,
        AuditActor actor,
        DashboardId dashboardId,
        ShareId shareId,
        ShareContextId contextId,
        Map<String, Object> parameters,
        Map<String, Object> details,
        String outcome,
        Integer rowCount,
        AuditClient client) {

    public static final String OK = "ok";

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(outcome, "outcome");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        details = details == null ? Map.of() : Map.copyOf(details);
        client = client == null ? AuditClient.NONE : client;
    }

    public boolean ok() {
        return OK.equals(outcome);
    }
}
