package io.dashshare.application.port.in;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.OwnerStatus;
import io.dashshare.domain.tenant.Role;
import java.util.List;
import java.util.Optional;

/** The company's team (admins only). The last active admin can be neither demoted, disabled nor removed. */
public interface ManageOwnersUseCase {

    List<OwnerAccount> list(OwnerPrincipal owner);

    /** An invited owner and the invite link, shown only here and also mailed; an email already an owner is {@code CONFLICT}. */
    InvitedOwner invite(OwnerPrincipal owner, EmailAddress email, Role role);

    OwnerAccount update(OwnerPrincipal owner, OwnerId id, Optional<Role> role, Optional<OwnerStatus> status);

    void remove(OwnerPrincipal owner, OwnerId id);

    record InvitedOwner(OwnerAccount owner, String inviteUrl) {
        @Override
        public String toString() {
            return "InvitedOwner[" + owner + ", link=redacted]";
        }
    }
}
