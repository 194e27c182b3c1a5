package io.dashshare.application.service;

import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.PortalDashboard;
import io.dashshare.application.port.in.PortalDashboardView;
import io.dashshare.application.port.in.PortalViewer;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.port.in.ViewSharePortalUseCase;
import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.port.ViewerLookups;
import io.dashshare.domain.port.ViewerLookups.PortalSession;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The share portal. Membership and the session are read on every request, so removing a member,
 * a member's expiry, deleting a context, logging out or an owner revoking the session takes effect
 * at once, on every instance, even for tokens already issued. The session's last-seen time is
 * written at most once a minute ({@link ShareSession#SEEN_GRAIN}). Session, company and
 * membership come in one read ({@link ViewerLookups#portalSession}), which also answers the
 * shares and the dashboard a request goes on to need.
 */
public final class ViewSharePortalService implements ViewSharePortalUseCase {

    private final ShareAccessTokens accessTokens;
    private final ViewerLookups lookups;
    private final ShareSessionRepository sessions;
    private final DashboardCatalog catalog;
    private final DashboardRunner runner;
    private final FilterOptionsRunner options;
    private final ExecutionQuotas quotas;
    private final Clock clock;
    private final Audit audit;

    public ViewSharePortalService(ShareAccessTokens accessTokens, ViewerLookups lookups,
                                  ShareSessionRepository sessions, DashboardCatalog catalog, DashboardRunner runner,
                                  FilterOptionsRunner options, ExecutionQuotas quotas, Clock clock, Audit audit) {
        this.accessTokens = accessTokens;
        this.lookups = lookups;
        this.sessions = sessions;
        this.catalog = catalog;
        this.runner = runner;
        this.options = options;
        this.quotas = quotas;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public PortalViewer authenticate(String companySlug, String accessToken, AuditClient client) {
        if (accessToken == null) {
            throw SharingException.tokenInvalid();
        }
        ShareAccessTokens.Verified claims = accessTokens.verify(accessToken, false);
        if (!claims.companySlug().equals(companySlug)) {
            throw SharingException.tokenInvalid();
        }
        Instant now = clock.instant();
        Optional<PortalSession> read = lookups.portalSession(claims.sessionId(), claims.email(), now);
        Optional<ShareSession> live = read.map(PortalSession::session)
                .filter(s -> s.isActive(now) && s.companyId().equals(claims.companyId())
                        && s.email().equals(claims.email()));
        if (live.isEmpty()) {
            throw SharingException.tokenInvalid();
        }
        PortalSession access = read.get();
        Company company = access.company();
        if (!company.slug().value().equals(companySlug) || !company.isActive()) {
            throw SharingException.tokenInvalid();
        }
        List<ShareContext> memberOf = access.contexts();
        if (memberOf.isEmpty()) {
            // Removed from every context, or every membership expired: the session ends now, not when the token does.
            sessions.revoke(claims.sessionId(), now);
            throw SharingException.tokenInvalid();
        }
        if (live.get().seenLongAgo(now)) {
            sessions.markSeen(claims.sessionId(), now);
        }
        return new PortalViewer(company, claims.email(), memberOf, client, access.shares(), access.dashboards());
    }

    @Override
    public List<PortalDashboard> dashboards(PortalViewer viewer) {
        Map<DashboardId, List<ShareContext>> byDashboard = new LinkedHashMap<>();
        for (Share share : liveShares(viewer)) {
            ShareContext context = viewer.contexts().stream()
                    .filter(c -> share.contextId().map(c.id()::equals).orElse(false)).findFirst().orElseThrow();
            List<ShareContext> list = byDashboard.computeIfAbsent(share.dashboardId(), id -> new ArrayList<>());
            if (!list.contains(context)) {
                list.add(context);
            }
        }
        List<PortalDashboard> result = new ArrayList<>();
        byDashboard.forEach((id, via) -> catalog.findById(viewer.company().id(), id)
                .ifPresent(d -> result.add(new PortalDashboard(d, via))));
        result.sort(Comparator.comparing(p -> p.dashboard().definition().name()));
        return result;
    }

    @Override
    public PortalDashboardView resolve(PortalViewer viewer, DashboardSlug dashboardSlug, ShareContextId contextId) {
        Audit.Draft draft = draft(AuditType.SHARE_RESOLVED, viewer, dashboardSlug, contextId);
        return draft.around(() -> {
            Access access = access(viewer, dashboardSlug, contextId, draft);
            return new PortalDashboardView(new SharedDashboard(viewer.company(), access.dashboard(),
                    runner.filters(access.dashboard(), access.share().accessRules()), access.share().downloads()),
                    access.context());
        });
    }

    @Override
    public DashboardResult execute(PortalViewer viewer, DashboardSlug dashboardSlug, ShareContextId contextId,
                                   Map<String, RawValue> parameters) {
        Audit.Draft draft = draft(AuditType.DASHBOARD_EXECUTED, viewer, dashboardSlug, contextId);
        return draft.around(() -> {
            Access access = access(viewer, dashboardSlug, contextId, draft);
            DashboardResult ran = runner.execute(access.dashboard(), access.share().accessRules(), parameters,
                    quotas.share(access.share().id()), SlotHolder.share(access.dashboard().id(), access.share().id()));
            draft.parameters(ran.parameters()).rowCount(Audit.rowCount(ran));
            return ran;
        });
    }

    @Override
    public WidgetExport export(PortalViewer viewer, DashboardSlug dashboardSlug, ShareContextId contextId,
                               WidgetSlug widget, Map<String, RawValue> parameters) {
        Audit.Draft draft = draft(AuditType.WIDGET_EXPORTED, viewer, dashboardSlug, contextId)
                .detail("widget_slug", widget.value());
        try {
            Access access = access(viewer, dashboardSlug, contextId, draft);
            DashboardRunner.requireDownloads(access.share().downloads());
            return AuditedRows.audited(new WidgetExport(access.dashboard().slug(), widget, runner.export(
                    access.dashboard(), access.share().accessRules(), widget, parameters,
                    quotas.share(access.share().id()), SlotHolder.share(access.dashboard().id(), access.share().id()),
                    draft::parameters)), draft);
        } catch (RuntimeException e) {
            draft.failed(e);
            throw e;
        }
    }

    @Override
    public OptionsAnswer options(PortalViewer viewer, DashboardSlug dashboardSlug, ShareContextId contextId,
                                 String filterSlug, String search) {
        Audit.Draft draft = draft(AuditType.FILTER_OPTIONS, viewer, dashboardSlug, contextId)
                .detail("filter_slug", filterSlug);
        return draft.around(() -> {
            Access access = access(viewer, dashboardSlug, contextId, draft);
            return options.options(access.dashboard(), access.share().accessRules(), filterSlug, search,
                    quotas.share(access.share().id()));
        });
    }

    /**
     * The viewer's event: a refusal (a context they are not in, a dashboard not shared with them)
     * is one too, with the context and dashboard they asked for.
     */
    private Audit.Draft draft(AuditType type, PortalViewer viewer, DashboardSlug dashboard, ShareContextId context) {
        return audit.event(type, AuditFlow.PORTAL, viewer.company().id(), new AuditActor.Email(viewer.email().value()),
                viewer.client()).context(context).detail("dashboard_slug", dashboard.value());
    }

    private Access access(PortalViewer viewer, DashboardSlug dashboardSlug, ShareContextId context,
                          Audit.Draft draft) {
        Access access = access(viewer, dashboardSlug, context);
        draft.share(access.share());
        return access;
    }

    /**
     * The share through which this viewer sees this dashboard in this context. A dashboard not
     * shared with the viewer at all is {@code NOT_FOUND} (whether or not it exists); one shared
     * through other contexts only is {@code INVALID_CONTEXT_ID}.
     */
    private Access access(PortalViewer viewer, DashboardSlug dashboardSlug, ShareContextId context) {
        ShareContext through = viewer.context(context)
                .orElseThrow(() -> invalidContext("You are not a member of this share context."));
        List<Share> live = liveShares(viewer);
        // One read by slug, kept only if some live share of the viewer's shows it.
        Dashboard dashboard = viewer.dashboards().apply(dashboardSlug)
                .filter(d -> live.stream().anyMatch(s -> s.dashboardId().equals(d.id())))
                .orElseThrow(() -> SharingException.notFound("Dashboard"));
        Share share = live.stream()
                .filter(s -> s.dashboardId().equals(dashboard.id()) && s.contextId().orElseThrow().equals(context))
                .max(Comparator.comparing(Share::createdAt))
                .orElseThrow(() -> invalidContext("This dashboard is not shared through this context."));
        return new Access(share, dashboard, through);
    }

    private List<Share> liveShares(PortalViewer viewer) {
        if (viewer.contexts().isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return viewer.shares().get().stream().filter(s -> s.isLive(now) && s.contextId().isPresent()).toList();
    }

    private static SharingException invalidContext(String message) {
        return new SharingException(ErrorCode.INVALID_CONTEXT_ID, message);
    }

    private record Access(Share share, Dashboard dashboard, ShareContext context) {
    }
}
