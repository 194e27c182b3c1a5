package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.tenant.Permission;
import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.application.port.in.ManageSharesUseCase;
import io.dashshare.application.port.in.NewShare;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.ShareChanges;
import io.dashshare.domain.common.Text;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.filter.PolicyDraft;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.PolicyMode;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.share.ShareId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public final class ManageSharesService implements ManageSharesUseCase {

    private final ShareRepository shares;
    private final DashboardCatalog catalog;
    private final ShareContextRepository contexts;
    private final RandomSource random;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SharingSettings settings;
    private final Audit audit;

    public ManageSharesService(ShareRepository shares, DashboardCatalog catalog, ShareContextRepository contexts,
                               RandomSource random, UnitOfWork unitOfWork, Clock clock, SharingSettings settings,
                               Audit audit) {
        this.shares = shares;
        this.catalog = catalog;
        this.contexts = contexts;
        this.random = random;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public CreatedShare create(OwnerPrincipal owner, DashboardId dashboardId, NewShare request) {
        owner.require(Permission.EDIT_SHARES);
        Dashboard dashboard = Lookups.dashboard(catalog, owner.companyId(), dashboardId);
        Text.requireName(request.name(), 200, "name");
        ShareContextId context = request.contextId().map(id -> context(owner, id)).orElse(null);
        List<FilterPolicy> policies = policies(dashboard.definition(), request.policies());
        Instant now = clock.instant();
        Instant expiresAt = request.expiresAt().map(at -> future(at, now)).orElse(null);
        SecretToken token = newToken();
        Share share = Share.create(new ShareId(random.uuid()), owner.companyId(), dashboard.id(),
                dashboard.definition(), request.name(), request.type(), context, policies, request.downloads(), token.hash(),
                expiresAt, now);
        unitOfWork.run(() -> shares.save(share));
        audit.owner(AuditType.SHARE_CREATED, owner).share(share).detail("name", share.name())
                .detail("downloads", share.downloads()).detail("policies", share.policies().size()).ok();
        return new CreatedShare(share, token.value(), viewerUrl(token.value()));
    }

    @Override
    public List<Share> list(OwnerPrincipal owner, DashboardId dashboard) {
        owner.require(Permission.READ);
        Lookups.dashboard(catalog, owner.companyId(), dashboard);
        return shares.listByDashboard(owner.companyId(), dashboard);
    }

    @Override
    public Share get(OwnerPrincipal owner, ShareId id) {
        owner.require(Permission.READ);
        return shares.findById(owner.companyId(), id).orElseThrow(() -> SharingException.notFound("Share"));
    }

    @Override
    public Share update(OwnerPrincipal owner, ShareId id, ShareChanges changes) {
        owner.require(Permission.EDIT_SHARES);
        Share changed = unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Share share = get(owner, id);
            if (changes.name().isPresent()) {
                share = share.rename(changes.name().get(), now);
            }
            if (changes.policies().isPresent()) {
                DashboardDefinition definition = Lookups.dashboard(catalog, owner.companyId(), share.dashboardId())
                        .definition();
                share = share.withPolicies(definition, policies(definition, changes.policies().get()), now);
            }
            if (changes.expiresAt().isPresent()) {
                share = share.expiringAt(changes.expiresAt().get().map(at -> future(at, now)).orElse(null), now);
            }
            if (changes.downloads().isPresent()) {
                share = share.withDownloads(changes.downloads().get(), now);
            }
            shares.save(share);
            return share;
        });
        List<String> fields = new ArrayList<>();
        changes.name().ifPresent(n -> fields.add("name"));
        changes.policies().ifPresent(p -> fields.add("share_filter_policies"));
        changes.expiresAt().ifPresent(e -> fields.add("expires_at"));
        changes.downloads().ifPresent(d -> fields.add("downloads"));
        audit.owner(AuditType.SHARE_UPDATED, owner).share(changed).detail("changed", fields).ok();
        return changed;
    }

    @Override
    public Share revoke(OwnerPrincipal owner, ShareId id) {
        owner.require(Permission.EDIT_SHARES);
        Share done = unitOfWork.inTransaction(() -> {
            Share revoked = get(owner, id).revoke(clock.instant());
            shares.save(revoked);
            return revoked;
        });
        audit.owner(AuditType.SHARE_REVOKED, owner).share(done).ok();
        return done;
    }

    @Override
    public CreatedShare rotateToken(OwnerPrincipal owner, ShareId id) {
        owner.require(Permission.EDIT_SHARES);
        SecretToken token = newToken();
        Share rotated = unitOfWork.inTransaction(() -> {
            Share share = get(owner, id);
            if (share.revokedAt().isPresent()) {
                throw new InvalidValueException("share", "is revoked: a revoked share cannot get a new token");
            }
            Share next = share.rotateToken(token.hash(), clock.instant());
            shares.save(next);
            return next;
        });
        audit.owner(AuditType.SHARE_TOKEN_ROTATED, owner).share(rotated).ok();
        return new CreatedShare(rotated, token.value(), viewerUrl(token.value()));
    }

    @Override
    public String viewerUrl(String token) {
        return settings.publicBaseUrl() + "/s/" + token;
    }

    private SecretToken newToken() {
        return SecretToken.fromRandomBytes(random.bytes(SecretToken.BYTES));
    }

    private ShareContextId context(OwnerPrincipal owner, ShareContextId id) {
        if (contexts.findById(owner.companyId(), id).isEmpty()) {
            throw new InvalidValueException("share_context_id", "names no share context of this company");
        }
        return id;
    }

    private static Instant future(Instant at, Instant now) {
        if (!at.isAfter(now)) {
            throw new InvalidValueException("expires_at", "must be in the future");
        }
        return at;
    }

    /** Each policy checked against the dashboard's filters; errors name {@code share_filter_policies[i]}. */
    static List<FilterPolicy> policies(DashboardDefinition dashboard, List<PolicyDraft> drafts) {
        List<FilterPolicy> policies = new ArrayList<>();
        Set<FilterSlug> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            PolicyDraft draft = drafts.get(i);
            String field = "share_filter_policies[" + i + "]";
            FilterDefinition filter = dashboard.filter(draft.filterSlug().value()).orElseThrow(() ->
                    new InvalidValueException(field + ".filter_slug", "names no filter of this dashboard: '"
                            + draft.filterSlug() + "'"));
            FilterPolicy policy = InvalidValueException.under(field, () -> FilterPolicy.of(filter, draft));
            if (!seen.add(policy.filterSlug())) {
                throw new InvalidValueException(field, "is a second policy for filter '" + policy.filterSlug() + "'");
            }
            if (policy.mode() == PolicyMode.DISABLED && filter.required() && filter.defaultValue().isEmpty()) {
                // The share could never run: the viewer may not send a value and nothing else supplies one.
                throw new InvalidValueException(field, "disables filter '" + filter.slug()
                        + "', which is required and has no default (fix its value instead)");
            }
            policies.add(policy);
        }
        return policies;
    }
}
