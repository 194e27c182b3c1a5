package io.dashshare.domain.context;

import io.dashshare.domain.common.Text;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Objects;

/** A named group of external people who may see the shares bound to it, through the portal. */
public record ShareContext(ShareContextId id, CompanyId companyId, String name, String description, Instant createdAt) {

    public ShareContext {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        name = Text.requireName(name, 200, "name");
        description = description == null ? "" : Text.requireOptional(description, 2000, "description");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public ShareContext rename(String newName, String newDescription) {
        return new ShareContext(id, companyId, newName, newDescription, createdAt);
    }
}
