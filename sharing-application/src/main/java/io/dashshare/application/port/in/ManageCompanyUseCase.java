package io.dashshare.application.port.in;

import io.dashshare.domain.tenant.Company;
import java.util.List;

/** The owner's company settings. */
public interface ManageCompanyUseCase {

    Company get(OwnerPrincipal owner);

    /** Exact origins allowed to frame embeds; anything else is {@code INVALID_REQUEST}. */
    Company setEmbedOrigins(OwnerPrincipal owner, List<String> origins);
}
