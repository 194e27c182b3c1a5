package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.RawValue;
import java.util.Map;

/**
 * The embed flow: a request verifies its token statelessly once ({@link #open}), then applies the
 * token's params. The methods taking the token itself do both.
 */
public interface ViewEmbedUseCase {

    /** The verified token with its company and dashboard; {@code TOKEN_INVALID} for anything else. */
    EmbedAccess open(String token);

    SharedDashboard info(EmbedAccess access);

    DashboardResult execute(EmbedAccess access, Map<String, RawValue> parameters);

    OptionsAnswer options(EmbedAccess access, String filterSlug, String search);

    /** One widget's rows under the token's rules; 403 ({@code downloads_disabled}) unless its claim allows it. */
    WidgetExport export(EmbedAccess access, WidgetSlug widget, Map<String, RawValue> parameters);

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
