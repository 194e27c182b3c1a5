package io.dashshare.application.service;

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

    public ManageShareContextsService(ShareContextRepository contexts, RandomSource random, UnitOfWork unitOfWork,
                                      Clock clock) {
        this.contexts = contexts;
        this.random = random;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public ShareContext create(OwnerPrincipal owner, String name, Optional<String> description) {
        owner.require(Permission.EDIT_CONTEXTS);
        ShareContext context = new ShareContext(new ShareContextId(random.uuid()), owner.companyId(), name,
                description.orElse(""), clock.instant());
        unitOfWork.run(() -> contexts.save(context));
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
        return unitOfWork.inTransaction(() -> {
            ShareContext current = get(owner, id);
            ShareContext updated = current.rename(name.orElse(current.name()), description.orElse(current.description()));
            contexts.save(updated);
            return updated;
        });
    }

    @Override
    public void delete(OwnerPrincipal owner, ShareContextId id) {
        owner.require(Permission.EDIT_CONTEXTS);
        if (!unitOfWork.inTransaction(() -> contexts.delete(owner.companyId(), id))) {
            throw SharingException.notFound("Share context");
        }
    }

    @Override
    public Member addMember(OwnerPrincipal owner, ShareContextId id, NewMember newMember) {
        owner.require(Permission.EDIT_CONTEXTS);
        Member.Admits admits = newMember instanceof NewMember.EmailDomainMember byDomain
                ? new Member.Admits.Domain(byDomain.domain())
                : new Member.Admits.Address(((NewMember.ExternalEmail) newMember).email());
        Member member = Member.create(new MemberId(random.uuid()), id, admits, newMember.expiresAt(), clock.instant());
        return unitOfWork.inTransaction(() -> {
            get(owner, id);
            contexts.addMember(member);
            return member;
        });
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
        boolean removed = unitOfWork.inTransaction(() -> {
            get(owner, id);
            return contexts.removeMember(id, member);
        });
        if (!removed) {
            throw SharingException.notFound("Member");
        }
    }
}
