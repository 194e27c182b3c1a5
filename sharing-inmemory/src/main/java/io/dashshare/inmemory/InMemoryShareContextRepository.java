package io.dashshare.inmemory;

import io.dashshare.domain.port.Conflicts;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Share contexts and members in memory. Deleting a context deletes its members and the shares
 * bound to it, as the database does: a bound share must never outlive its context and turn into
 * a public link.
 */
public final class InMemoryShareContextRepository implements ShareContextRepository {

    private static final Comparator<ShareContext> CONTEXT_ORDER =
            Ordering.byCreation(ShareContext::createdAt, c -> c.id().value());
    private static final Comparator<Member> MEMBER_ORDER = Ordering.byCreation(Member::createdAt, m -> m.id().value());

    private final InMemoryStore store;
    private final Map<ShareContextId, ShareContext> contexts;
    private final Map<MemberId, Member> members;
    private final InMemoryShareRepository shares;

    /** {@code shares} loses the shares bound to a context when the context is deleted. */
    InMemoryShareContextRepository(InMemoryStore store, InMemoryShareRepository shares) {
        this.store = store;
        this.contexts = store.table();
        this.members = store.table();
        this.shares = Objects.requireNonNull(shares);
    }

    @Override
    public void save(ShareContext context) {
        synchronized (store) {
            ShareContext stored = contexts.get(context.id());
            if (stored != null && !stored.companyId().equals(context.companyId())) {
                throw SharingException.notFound("share context");
            }
            contexts.put(context.id(), context);
        }
    }

    @Override
    public Optional<ShareContext> findById(CompanyId company, ShareContextId id) {
        synchronized (store) {
            return Optional.ofNullable(contexts.get(id)).filter(c -> c.companyId().equals(company));
        }
    }

    @Override
    public List<ShareContext> list(CompanyId company) {
        synchronized (store) {
            return contexts.values().stream().filter(c -> c.companyId().equals(company)).sorted(CONTEXT_ORDER).toList();
        }
    }

    @Override
    public boolean delete(CompanyId company, ShareContextId id) {
        synchronized (store) {
            ShareContext stored = contexts.get(id);
            if (stored == null || !stored.companyId().equals(company)) {
                return false;
            }
            contexts.remove(id);
            members.values().removeIf(m -> m.contextId().equals(id));
            shares.deleteWhere(s -> s.contextId().map(id::equals).orElse(false));
            return true;
        }
    }

    @Override
    public void addMember(Member member) {
        synchronized (store) {
            if (!contexts.containsKey(member.contextId())) {
                throw SharingException.notFound("share context");
            }
            if (members.containsKey(member.id())) {
                throw new IllegalStateException("member " + member.id() + " exists already: ids must be fresh");
            }
            boolean already = members.values().stream()
                    .anyMatch(m -> m.contextId().equals(member.contextId()) && m.admits().equals(member.admits()));
            if (already) {
                throw member.admits() instanceof Member.Admits.Domain ? Conflicts.memberDomainTaken()
                        : Conflicts.memberEmailTaken();
            }
            members.put(member.id(), member);
        }
    }

    @Override
    public Optional<Member> findMember(ShareContextId context, MemberId member) {
        synchronized (store) {
            return Optional.ofNullable(members.get(member)).filter(m -> m.contextId().equals(context));
        }
    }

    @Override
    public void updateMember(Member member) {
        synchronized (store) {
            Member stored = members.get(member.id());
            if (stored == null || !stored.contextId().equals(member.contextId())) {
                throw SharingException.notFound("member");
            }
            members.put(member.id(), new Member(stored.id(), stored.contextId(), stored.admits(), stored.createdAt(),
                    member.expiresAt()));
        }
    }

    @Override
    public List<Member> listMembers(ShareContextId context) {
        synchronized (store) {
            return members.values().stream().filter(m -> m.contextId().equals(context)).sorted(MEMBER_ORDER).toList();
        }
    }

    @Override
    public boolean removeMember(ShareContextId context, MemberId member) {
        synchronized (store) {
            Member stored = members.get(member);
            if (stored == null || !stored.contextId().equals(context)) {
                return false;
            }
            members.remove(member);
            return true;
        }
    }

    @Override
    public List<ShareContext> contextsOf(CompanyId company, EmailAddress email, Instant now) {
        synchronized (store) {
            Set<ShareContextId> withEmail = members.values().stream()
                    .filter(m -> m.admits(email, now))
                    .map(Member::contextId)
                    .collect(Collectors.toSet());
            return contexts.values().stream()
                    .filter(c -> c.companyId().equals(company) && withEmail.contains(c.id()))
                    .sorted(CONTEXT_ORDER)
                    .toList();
        }
    }
}
