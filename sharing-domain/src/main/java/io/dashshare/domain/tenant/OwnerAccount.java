package io.dashshare.domain.tenant;

import io.dashshare.domain.common.EmailAddress;
import java.util.Objects;

/** A person of the company who manages dashboards and shares. The hash is opaque to the domain. */
public record OwnerAccount(OwnerId id, CompanyId companyId, EmailAddress email, String passwordHash) {

    public OwnerAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
