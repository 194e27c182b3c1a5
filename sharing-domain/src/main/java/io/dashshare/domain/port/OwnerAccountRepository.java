package io.dashshare.domain.port;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import java.util.Optional;

/** The company's own people who log in with a password. An email is one account across the service. */
public interface OwnerAccountRepository {

    Optional<OwnerAccount> findByEmail(EmailAddress email);

    Optional<OwnerAccount> findById(OwnerId id);

    /** Inserts or updates by id. */
    void save(OwnerAccount account);
}
