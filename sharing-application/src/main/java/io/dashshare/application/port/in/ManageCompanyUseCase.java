package io.dashshare.application.port.in;

import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.EmbedOrigin;
import java.util.List;

/** The owner's company settings. */
public interface ManageCompanyUseCase {

    Company get(OwnerPrincipal owner);

    /** Exact origins allowed to frame embeds (duplicates collapse); more than 50 is {@code INVALID_REQUEST}. */
    Company setEmbedOrigins(OwnerPrincipal owner, List<EmbedOrigin> origins);
}
