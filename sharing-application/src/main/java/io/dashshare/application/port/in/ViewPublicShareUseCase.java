package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.RawValue;
import java.util.Map;

/**
 * The public link flow. Unknown, revoked, expired and rotated tokens are all {@code TOKEN_INVALID};
 * a share bound to a context is {@code AUTH_REQUIRED} with the {@code company_slug} to log in at.
 * Every request of a share the token names (live or not) is an audit event from {@code client}
 * (docs/api.md, audit event catalogue); an unknown token is no company's event.
 */
public interface ViewPublicShareUseCase {

    SharedDashboard resolve(String token, AuditClient client);

    DashboardResult execute(String token, Map<String, RawValue> parameters, AuditClient client);

    OptionsAnswer options(String token, String filterSlug, String search, AuditClient client);

    /**
     * One widget's rows under the share's rules, as execute would compute them; 403 {@code FORBIDDEN}
     * ({@code downloads_disabled}) unless the share allows downloads. Its event is recorded when
     * the export is closed, with the rows read by then.
     */
    WidgetExport export(String token, WidgetSlug widget, Map<String, RawValue> parameters, AuditClient client);

    default SharedDashboard resolve(String token) {
        return resolve(token, AuditClient.NONE);
    }

    default DashboardResult execute(String token, Map<String, RawValue> parameters) {
        return execute(token, parameters, AuditClient.NONE);
    }

    default OptionsAnswer options(String token, String filterSlug, String search) {
        return options(token, filterSlug, search, AuditClient.NONE);
    }

    default WidgetExport export(String token, WidgetSlug widget, Map<String, RawValue> parameters) {
        return export(token, widget, parameters, AuditClient.NONE);
    }
}
