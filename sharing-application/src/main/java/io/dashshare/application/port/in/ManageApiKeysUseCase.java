package io.dashshare.application.port.in;

import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keys for a company's backends (admins only); a key is shown once, at creation. */
public interface ManageApiKeysUseCase {

    CreatedApiKey create(OwnerPrincipal owner, String name, Role role, Optional<Instant> expiresAt);

    List<ApiKey> list(OwnerPrincipal owner);

    /** Refused at once everywhere; revoking twice is harmless. */
    void revoke(OwnerPrincipal owner, ApiKeyId id);

    record CreatedApiKey(ApiKey key, String plainKey) {
        @Override
        public String toString() {
            return "CreatedApiKey[" + key.id() + ", key=redacted]";
        }
    }
}
