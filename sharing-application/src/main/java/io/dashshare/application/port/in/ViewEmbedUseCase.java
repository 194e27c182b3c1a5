package io.dashshare.application.port.in;

import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.tenant.EmbedOrigin;
import java.util.List;
import java.util.Map;

/** The embed flow: every call verifies the token statelessly, then applies its params. */
public interface ViewEmbedUseCase {

    SharedDashboard info(String token);

    DashboardResult execute(String token, Map<String, RawValue> parameters);

    OptionsAnswer options(String token, String filterSlug, String search);

    /** The origins allowed to frame this token's pages; empty when the token is not valid. */
    List<EmbedOrigin> frameAncestors(String token);
}
