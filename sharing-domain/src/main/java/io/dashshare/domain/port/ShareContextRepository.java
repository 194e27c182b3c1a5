package io.dashshare.domain.port;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.tenant.CompanyId;
import java.util.List;
import java.util.Optional;

/** Share contexts and their members (one aggregate; members are many, so they are added one by one). */
public interface ShareContextRepository {

    /** Inserts or updates by id. */
    void save(ShareContext context);

    Optional<ShareContext> findById(CompanyId company, ShareContextId id);

    List<ShareContext> list(CompanyId company);

    /** Deletes the context, its members, and unbinds nothing else: shares bound to it stop being reachable. */
    boolean delete(CompanyId company, ShareContextId id);

    /**
     * Adds a member. Throws {@code SharingException} {@code INVALID_REQUEST} (field {@code email})
     * when that email is already a member of the context.
     */
    void addMember(Member member);

    List<Member> listMembers(ShareContextId context);

    boolean removeMember(ShareContextId context, MemberId member);

    /** The contexts of this company that have the email as a member. */
    List<ShareContext> contextsOf(CompanyId company, EmailAddress email);
}
