package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.application.port.in.ManageOwnersUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.LastAdmin;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.OwnerStatus;
import io.dashshare.domain.tenant.Permission;
import io.dashshare.domain.tenant.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class ManageOwnersService implements ManageOwnersUseCase {

    private final OwnerAccountRepository accounts;
    private final CompanyRepository companies;
    private final OwnerInvites invites;
    private final RandomSource random;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Audit audit;

    public ManageOwnersService(OwnerAccountRepository accounts, CompanyRepository companies, OwnerInvites invites,
                               RandomSource random, UnitOfWork unitOfWork, Clock clock, Audit audit) {
        this.accounts = accounts;
        this.companies = companies;
        this.invites = invites;
        this.random = random;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public List<OwnerAccount> list(OwnerPrincipal owner) {
        owner.require(Permission.MANAGE_OWNERS);
        return accounts.list(owner.companyId());
    }

    @Override
    public InvitedOwner invite(OwnerPrincipal owner, EmailAddress email, Role role) {
        owner.require(Permission.MANAGE_OWNERS);
        Company company = companies.findById(owner.companyId()).orElseThrow(() -> SharingException.notFound("Company"));
        Instant now = clock.instant();
        OwnerAccount invited = OwnerAccount.invited(new OwnerId(random.uuid()), company.id(), email, role, now);
        String url = unitOfWork.inTransaction(() -> {
            accounts.save(invited);
            return invites.issue(invited, company, now);
        });
        subject(audit.owner(AuditType.OWNER_INVITED, owner), invited).ok();
        return new InvitedOwner(invited, url);
    }

    @Override
    public OwnerAccount update(OwnerPrincipal owner, OwnerId id, Optional<Role> role, Optional<OwnerStatus> status) {
        owner.require(Permission.MANAGE_OWNERS);
        OwnerAccount changed = unitOfWork.inTransaction(() -> {
            List<OwnerAccount> team = accounts.lockTeam(owner.companyId());
            OwnerAccount before = member(team, id);
            OwnerAccount after = before;
            if (role.isPresent()) {
                after = after.withRole(role.get());
            }
            if (status.isPresent() && status.get() != before.status()) {
                after = changedStatus(after, status.get());
            }
            LastAdmin.check(team, before, after);
            accounts.save(after);
            return after;
        });
        subject(audit.owner(AuditType.OWNER_UPDATED, owner), changed).detail("status", changed.status().wire()).ok();
        return changed;
    }

    @Override
    public void remove(OwnerPrincipal owner, OwnerId id) {
        owner.require(Permission.MANAGE_OWNERS);
        OwnerAccount removed = unitOfWork.inTransaction(() -> {
            List<OwnerAccount> team = accounts.lockTeam(owner.companyId());
            OwnerAccount before = member(team, id);
            LastAdmin.check(team, before, null);
            accounts.delete(owner.companyId(), before.id());
            return before;
        });
        subject(audit.owner(AuditType.OWNER_REMOVED, owner), removed).ok();
    }

    /** The owner an event is about: their id, email and role (the actor is whoever made the change). */
    private static Audit.Draft subject(Audit.Draft draft, OwnerAccount account) {
        return draft.detail("owner_id", account.id().toString()).detail("email", account.email().value())
                .detail("role", account.role().wire());
    }

    private static OwnerAccount member(List<OwnerAccount> team, OwnerId id) {
        return team.stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> SharingException.notFound("Owner"));
    }

    private static OwnerAccount changedStatus(OwnerAccount owner, OwnerStatus status) {
        if (status == OwnerStatus.INVITED || owner.status() == OwnerStatus.INVITED) {
            throw new InvalidValueException("status",
                    "an invited owner becomes active by accepting the invite; disable or remove them instead",
                    "invited");
        }
        return owner.withStatus(status);
    }
}
