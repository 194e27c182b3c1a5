package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.application.port.in.ManagePortalSessionsUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.tenant.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A context's portal sessions: those of the people its current members admit. A session is the
 * person's at the company, not the context's, so ending it ends their access through every
 * context; an owner sees only sessions their context is one reason for.
 */
public final class ManagePortalSessionsService implements ManagePortalSessionsUseCase {

    private final ShareContextRepository contexts;
    private final ShareSessionRepository sessions;
    private final Clock clock;
    private final Audit audit;

    public ManagePortalSessionsService(ShareContextRepository contexts, ShareSessionRepository sessions, Clock clock,
                                       Audit audit) {
        this.contexts = contexts;
        this.sessions = sessions;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public List<ShareSession> list(OwnerPrincipal owner, ShareContextId context) {
        owner.require(Permission.MANAGE_PORTAL_SESSIONS);
        Instant now = clock.instant();
        List<Member> members = activeMembers(owner, context, now);
        Set<EmailAddress> emails = new HashSet<>();
        Set<EmailDomain> domains = new HashSet<>();
        for (Member member : members) {
            if (member.admits() instanceof Member.Admits.Address a) {
                emails.add(a.email());
            } else if (member.admits() instanceof Member.Admits.Domain d) {
                domains.add(d.domain());
            }
        }
        return sessions.listActive(owner.companyId(), emails, domains, now);
    }

    @Override
    public void revoke(OwnerPrincipal owner, ShareContextId context, SessionId id) {
        owner.require(Permission.MANAGE_PORTAL_SESSIONS);
        Instant now = clock.instant();
        List<Member> members = activeMembers(owner, context, now);
        ShareSession session = sessions.find(id)
                .filter(s -> s.companyId().equals(owner.companyId()))
                .filter(s -> members.stream().anyMatch(m -> m.admits(s.email(), now)))
                .orElseThrow(() -> SharingException.notFound("Session"));
        sessions.revoke(session.id(), now);
        audit.owner(AuditType.SESSION_REVOKED, owner).context(context).detail("session_id", session.id().toString())
                .detail("email", session.email().value()).ok();
    }

    private List<Member> activeMembers(OwnerPrincipal owner, ShareContextId context, Instant now) {
        contexts.findById(owner.companyId(), context).orElseThrow(() -> SharingException.notFound("Share context"));
        return contexts.listMembers(context).stream().filter(m -> m.isActive(now)).toList();
    }
}
