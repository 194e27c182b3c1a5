package io.dashshare.domain.port;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
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
     * Adds a member. Throws {@code SharingException} {@code INVALID_REQUEST} (field {@code email},
     * or {@code domain}) when that email, or that domain, is already a member of the context.
     */
    void addMember(Member member);

    Optional<Member> findMember(ShareContextId context, MemberId member);

    /** Stores a member's new expiry (nothing else of a member changes); {@code NOT_FOUND} when it is gone. */
    void updateMember(Member member);

    List<Member> listMembers(ShareContextId context);

    boolean removeMember(ShareContextId context, MemberId member);

    /**
     * The contexts of this company that admit the email at {@code now}: by a member with that
     * address or with its exact domain, whose expiry (if any) lies after {@code now}.
     */
    List<ShareContext> contextsOf(CompanyId company, EmailAddress email, Instant now);
}
