package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.RawValue;
import java.util.Map;

/**
 * The public link flow. Unknown, revoked, expired and rotated tokens are all {@code TOKEN_INVALID};
 * a share bound to a context is {@code AUTH_REQUIRED} with the {@code company_slug} to log in at.
 */
public interface ViewPublicShareUseCase {

    SharedDashboard resolve(String token);

    DashboardResult execute(String token, Map<String, RawValue> parameters);

    OptionsAnswer options(String token, String filterSlug, String search);

    /**
     * One widget's rows under the share's rules, as execute would compute them; 403 {@code FORBIDDEN}
     * ({@code downloads_disabled}) unless the share allows downloads.
     */
    WidgetExport export(String token, WidgetSlug widget, Map<String, RawValue> parameters);
}
