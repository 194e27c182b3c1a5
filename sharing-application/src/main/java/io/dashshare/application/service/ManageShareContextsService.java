package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.tenant.Permission;
import io.dashshare.application.port.in.ManageShareContextsUseCase;
import io.dashshare.application.port.in.NewMember;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class ManageShareContextsService implements ManageShareContextsUseCase {

    private final ShareContextRepository contexts;
    private final RandomSource random;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Audit audit;

    public ManageShareContextsService(ShareContextRepository contexts, RandomSource random, UnitOfWork unitOfWork,
                                      Clock clock, Audit audit) {
        this.contexts = contexts;
        this.random = random;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public ShareContext create(OwnerPrincipal owner, String name, Optional<String> description) {
        owner.require(Permission.EDIT_CONTEXTS);
        ShareContext context = new ShareContext(new ShareContextId(random.uuid()), owner.companyId(), name,
                description.orElse(""), clock.instant());
        unitOfWork.run(() -> contexts.save(context));
        audit.owner(AuditType.CONTEXT_CREATED, owner).context(context.id()).detail("name", context.name()).ok();
        return context;
    }

    @Override
    public List<ShareContext> list(OwnerPrincipal owner) {
        owner.require(Permission.READ);
        return contexts.list(owner.companyId());
    }

    @Override
    public ShareContext get(OwnerPrincipal owner, ShareContextId id) {
        owner.require(Permission.READ);
        return contexts.findById(owner.companyId(), id).orElseThrow(() -> SharingException.notFound("Share context"));
    }

    @Override
    public ShareContext update(OwnerPrincipal owner, ShareContextId id, Optional<String> name,
                               Optional<String> description) {
        owner.require(Permission.EDIT_CONTEXTS);
        ShareContext changed = unitOfWork.inTransaction(() -> {
            ShareContext current = get(owner, id);
            ShareContext updated = current.rename(name.orElse(current.name()), description.orElse(current.description()));
            contexts.save(updated);
            return updated;
        });
        audit.owner(AuditType.CONTEXT_UPDATED, owner).context(id).detail("name", changed.name()).ok();
        return changed;
    }

    @Override
    public void delete(OwnerPrincipal owner, ShareContextId id) {
        owner.require(Permission.EDIT_CONTEXTS);
        if (!unitOfWork.inTransaction(() -> contexts.delete(owner.companyId(), id))) {
            throw SharingException.notFound("Share context");
        }
        audit.owner(AuditType.CONTEXT_DELETED, owner).context(id).ok();
    }

    @Override
    public Member addMember(OwnerPrincipal owner, ShareContextId id, NewMember newMember) {
        owner.require(Permission.EDIT_CONTEXTS);
        Member.Admits admits = newMember instanceof NewMember.EmailDomainMember byDomain
                ? new Member.Admits.Domain(byDomain.domain())
                : new Member.Admits.Address(((NewMember.ExternalEmail) newMember).email());
        Member member = Member.create(new MemberId(random.uuid()), id, admits, newMember.expiresAt(), clock.instant());
        Member added = unitOfWork.inTransaction(() -> {
            get(owner, id);
            contexts.addMember(member);
            return member;
        });
        member(audit.owner(AuditType.MEMBER_ADDED, owner).context(id), added).ok();
        return added;
    }

    @Override
    public Member updateMember(OwnerPrincipal owner, ShareContextId id, MemberId memberId,
                               Optional<Optional<Instant>> expiresAt) {
        owner.require(Permission.EDIT_CONTEXTS);
        return unitOfWork.inTransaction(() -> {
            get(owner, id);
            Member member = contexts.findMember(id, memberId).orElseThrow(() -> SharingException.notFound("Member"));
            if (expiresAt.isEmpty()) {
                return member;
            }
            Member changed = member.expiringAt(expiresAt.get(), clock.instant());
            contexts.updateMember(changed);
            return changed;
        });
    }

    @Override
    public List<Member> members(OwnerPrincipal owner, ShareContextId id) {
        owner.require(Permission.READ);
        get(owner, id);
        return contexts.listMembers(id);
    }

    @Override
    public void removeMember(OwnerPrincipal owner, ShareContextId id, MemberId member) {
        owner.require(Permission.EDIT_CONTEXTS);
        Optional<Optional<Member>> removed = unitOfWork.inTransaction(() -> {
            get(owner, id);
            Optional<Member> existing = contexts.findMember(id, member);
            return contexts.removeMember(id, member) ? Optional.of(existing) : Optional.<Optional<Member>>empty();
        });
        if (removed.isEmpty()) {
            throw SharingException.notFound("Member");
        }
        Audit.Draft draft = audit.owner(AuditType.MEMBER_REMOVED, owner).context(id)
                .detail("member_id", member.toString());
        removed.get().ifPresent(m -> member(draft, m));
        draft.ok();
    }

    /** Whom a member admits, in the event of its change: the address or the domain. */
    private static Audit.Draft member(Audit.Draft draft, Member member) {
        draft.detail("member_id", member.id().toString()).detail("member_type", member.type().wire());
        if (member.admits() instanceof Member.Admits.Address address) {
            draft.detail("email", address.email().value());
        } else if (member.admits() instanceof Member.Admits.Domain domain) {
            draft.detail("domain", domain.domain().value());
        }
        return draft;
    }
}
