package io.dashshare.application.port.in;

import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Owner side of share contexts and their members. Removing a member cuts their access at once. */
public interface ManageShareContextsUseCase {

    ShareContext create(OwnerPrincipal owner, String name, Optional<String> description);

    List<ShareContext> list(OwnerPrincipal owner);

    ShareContext get(OwnerPrincipal owner, ShareContextId id);

    ShareContext update(OwnerPrincipal owner, ShareContextId id, Optional<String> name, Optional<String> description);

    void delete(OwnerPrincipal owner, ShareContextId id);

    Member addMember(OwnerPrincipal owner, ShareContextId id, NewMember member);

    /**
     * Sets ({@code Optional.of(Optional.of(at))}), clears ({@code Optional.of(Optional.empty())})
     * or keeps (empty) a member's expiry; access ends at once when it passes.
     */
    Member updateMember(OwnerPrincipal owner, ShareContextId id, MemberId member,
                        Optional<Optional<Instant>> expiresAt);

    List<Member> members(OwnerPrincipal owner, ShareContextId id);

    void removeMember(OwnerPrincipal owner, ShareContextId id, MemberId member);
}
