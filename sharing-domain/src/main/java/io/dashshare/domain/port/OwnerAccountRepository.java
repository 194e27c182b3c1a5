package io.dashshare.domain.port;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import java.util.List;
import java.util.Optional;

/** The people of each company who manage it. An email is an owner at most once per company, but may be one in several. */
public interface OwnerAccountRepository {

    /** Across companies: every account of this email (login asks which company when there are several). */
    List<OwnerAccount> findByEmail(EmailAddress email);

    Optional<OwnerAccount> findByEmail(CompanyId company, EmailAddress email);

    Optional<OwnerAccount> findById(OwnerId id);

    List<OwnerAccount> list(CompanyId company);

    /**
     * Within a transaction: the company's owners, held against concurrent changes until it ends,
     * so that two changes to one team are serialized (the last-admin rule sees the other's result).
     */
    List<OwnerAccount> lockTeam(CompanyId company);

    /**
     * Inserts or updates by id. Throws {@code SharingException} {@code CONFLICT} (field
     * {@code email}) when the company already has an owner with that email.
     */
    void save(OwnerAccount account);

    /** False when the company has no such owner. */
    boolean delete(CompanyId company, OwnerId id);
}
