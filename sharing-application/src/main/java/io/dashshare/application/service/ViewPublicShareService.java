package io.dashshare.application.service;

import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.port.in.ViewPublicShareUseCase;
import io.dashshare.application.port.in.WidgetExport;
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

public final class ViewPublicShareService implements ViewPublicShareUseCase {

    private final ViewerLookups lookups;
    private final DashboardRunner runner;
    private final FilterOptionsRunner options;
    private final ExecutionQuotas quotas;
    private final Clock clock;

    public ViewPublicShareService(ViewerLookups lookups, DashboardRunner runner, FilterOptionsRunner options,
                                  ExecutionQuotas quotas, Clock clock) {
        this.lookups = lookups;
        this.runner = runner;
        this.options = options;
        this.quotas = quotas;
        this.clock = clock;
    }

    @Override
    public SharedDashboard resolve(String token) {
        SharedView access = open(token);
        return new SharedDashboard(access.company(), access.dashboard(),
                runner.filters(access.dashboard(), access.share().accessRules()), access.share().downloads());
    }

    @Override
    public DashboardResult execute(String token, Map<String, RawValue> parameters) {
        SharedView access = open(token);
        return runner.execute(access.dashboard(), access.share().accessRules(), parameters,
                quotas.share(access.share().id()), SlotHolder.share(access.dashboard().id(), access.share().id()));
    }

    @Override
    public WidgetExport export(String token, WidgetSlug widget, Map<String, RawValue> parameters) {
        SharedView access = open(token);
        DashboardRunner.requireDownloads(access.share().downloads());
        return new WidgetExport(access.dashboard().slug(), widget, runner.export(access.dashboard(),
                access.share().accessRules(), widget, parameters, quotas.share(access.share().id()),
                SlotHolder.share(access.dashboard().id(), access.share().id())));
    }

    @Override
    public OptionsAnswer options(String token, String filterSlug, String search) {
        SharedView access = open(token);
        return options.options(access.dashboard(), access.share().accessRules(), filterSlug, search,
                quotas.share(access.share().id()));
    }

    /** Unknown, revoked, expired and rotated-away tokens look exactly alike to the caller. */
    private SharedView open(String token) {
        if (!SecretToken.hasTokenShape(token)) {
            throw SharingException.tokenInvalid();
        }
        SharedView access = lookups.shareByTokenHash(SecretToken.hashOfPresented(token))
                .filter(found -> found.share().isLive(clock.instant()) && found.company().isActive())
                .orElseThrow(SharingException::tokenInvalid);
        if (access.share().requiresPortalLogin()) {
            throw new SharingException(ErrorCode.AUTH_REQUIRED,
                    "This dashboard is shared with approved emails only: log in to the share portal.",
                    Map.of("company_slug", access.company().slug().value()));
        }
        return access;
    }
}
