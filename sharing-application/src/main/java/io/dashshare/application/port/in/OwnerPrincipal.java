package io.dashshare.application.port.in;

import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.OwnerId;
import java.util.Objects;

/** An authenticated owner: every owner use case is scoped to this company. */
public record OwnerPrincipal(OwnerId ownerId, CompanyId companyId) {

    public OwnerPrincipal {
        Objects.requireNonNull(ownerId);
        Objects.requireNonNull(companyId);
    }
}
