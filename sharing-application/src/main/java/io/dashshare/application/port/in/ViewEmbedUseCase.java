package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.RawValue;
import java.util.Map;

/**
 * The embed flow: a request verifies its token statelessly once ({@link #open}), then applies the
 * token's params. Each request from {@code client} is an audit event (docs/api.md, audit log).
 */
public interface ViewEmbedUseCase {

    /** The verified token with its company and dashboard; {@code TOKEN_INVALID} for anything else. No event. */
    EmbedAccess open(String token);

    SharedDashboard info(EmbedAccess access, AuditClient client);

    DashboardResult execute(EmbedAccess access, Map<String, RawValue> parameters, AuditClient client);

    OptionsAnswer options(EmbedAccess access, String filterSlug, String search, AuditClient client);

    /** One widget's rows under the token's rules; 403 ({@code downloads_disabled}) unless its claim allows it. */
    WidgetExport export(EmbedAccess access, WidgetSlug widget, Map<String, RawValue> parameters, AuditClient client);

    /**
     * {@link #open(String)} for a request of {@code type}: a refused token whose {@code kid} names
     * a company's key is an event of that company, of that type, with its error code, before the
     * refusal is thrown.
     */
    EmbedAccess open(String token, AuditType type, AuditClient client);

    default SharedDashboard info(EmbedAccess access) {
        return info(access, AuditClient.NONE);
    }

    default DashboardResult execute(EmbedAccess access, Map<String, RawValue> parameters) {
        return execute(access, parameters, AuditClient.NONE);
    }

    default OptionsAnswer options(EmbedAccess access, String filterSlug, String search) {
        return options(access, filterSlug, search, AuditClient.NONE);
    }

    default WidgetExport export(EmbedAccess access, WidgetSlug widget, Map<String, RawValue> parameters) {
        return export(access, widget, parameters, AuditClient.NONE);
    }

    default SharedDashboard info(String token) {
        return info(open(token));
    }

    default DashboardResult execute(String token, Map<String, RawValue> parameters) {
        return execute(open(token), parameters);
    }

    default OptionsAnswer options(String token, String filterSlug, String search) {
        return options(open(token), filterSlug, search);
    }
}
