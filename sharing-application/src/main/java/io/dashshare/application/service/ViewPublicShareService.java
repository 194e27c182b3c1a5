package io.dashshare.application.service;

import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.port.in.ViewPublicShareUseCase;
import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.port.ViewerLookups;
import io.dashshare.domain.port.ViewerLookups.SharedView;
import io.dashshare.domain.secret.SecretToken;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

public final class ViewPublicShareService implements ViewPublicShareUseCase {

    private final ViewerLookups lookups;
    private final DashboardRunner runner;
    private final FilterOptionsRunner options;
    private final ExecutionQuotas quotas;
    private final Clock clock;
    private final Audit audit;

    public ViewPublicShareService(ViewerLookups lookups, DashboardRunner runner, FilterOptionsRunner options,
                                  ExecutionQuotas quotas, Clock clock, Audit audit) {
        this.lookups = lookups;
        this.runner = runner;
        this.options = options;
        this.quotas = quotas;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public SharedDashboard resolve(String token, AuditClient client) {
        SharedView access = open(token, AuditType.SHARE_RESOLVED, client);
        return draft(AuditType.SHARE_RESOLVED, access, client).around(() -> new SharedDashboard(access.company(),
                access.dashboard(), runner.filters(access.dashboard(), access.share().accessRules()),
                access.share().downloads()));
    }

    @Override
    public DashboardResult execute(String token, Map<String, RawValue> parameters, AuditClient client) {
        SharedView access = open(token, AuditType.DASHBOARD_EXECUTED, client);
        Audit.Draft draft = draft(AuditType.DASHBOARD_EXECUTED, access, client);
        DashboardResult result = draft.around(() -> {
            DashboardResult ran = runner.execute(access.dashboard(), access.share().accessRules(), parameters,
                    quotas.share(access.share().id()), SlotHolder.share(access.dashboard().id(), access.share().id()));
            draft.parameters(ran.parameters()).rowCount(Audit.rowCount(ran));
            return ran;
        });
        return result;
    }

    @Override
    public WidgetExport export(String token, WidgetSlug widget, Map<String, RawValue> parameters,
                               AuditClient client) {
        SharedView access = open(token, AuditType.WIDGET_EXPORTED, client);
        Audit.Draft draft = draft(AuditType.WIDGET_EXPORTED, access, client).detail("widget_slug", widget.value());
        try {
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
    public OptionsAnswer options(String token, String filterSlug, String search, AuditClient client) {
        SharedView access = open(token, AuditType.FILTER_OPTIONS, client);
        return draft(AuditType.FILTER_OPTIONS, access, client).detail("filter_slug", filterSlug)
                .around(() -> options.options(access.dashboard(), access.share().accessRules(), filterSlug, search,
                        quotas.share(access.share().id())));
    }

    private Audit.Draft draft(AuditType type, SharedView access, AuditClient client) {
        return audit.event(type, AuditFlow.PUBLIC, access.company().id(), AuditActor.ANONYMOUS, client)
                .share(access.share());
    }

    /**
     * Unknown, revoked, expired and rotated-away tokens look exactly alike to the caller. A token
     * that names a share (revoked, expired, of a suspended company, or bound to a context) is
     * refused with an event of that share's company: that is how abuse shows in its log.
     */
    private SharedView open(String token, AuditType type, AuditClient client) {
        if (!SecretToken.hasTokenShape(token)) {
            throw SharingException.tokenInvalid();
        }
        Optional<SharedView> found = lookups.shareByTokenHash(SecretToken.hashOfPresented(token));
        if (found.isEmpty()) {
            throw SharingException.tokenInvalid();
        }
        SharedView access = found.get();
        SharingException refusal = null;
        if (!access.share().isLive(clock.instant()) || !access.company().isActive()) {
            refusal = SharingException.tokenInvalid();
        } else if (access.share().requiresPortalLogin()) {
            refusal = new SharingException(ErrorCode.AUTH_REQUIRED,
                    "This dashboard is shared with approved emails only: log in to the share portal.",
                    Map.of("company_slug", access.company().slug().value()));
        }
        if (refusal != null) {
            draft(type, access, client).failed(refusal);
            throw refusal;
        }
        return access;
    }
}
