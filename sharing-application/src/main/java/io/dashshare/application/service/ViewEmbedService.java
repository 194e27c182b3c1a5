package io.dashshare.application.service;

import io.dashshare.application.port.in.EmbedAccess;
import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.port.in.ViewEmbedUseCase;
import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.RawValue;
import java.util.Map;

public final class ViewEmbedService implements ViewEmbedUseCase {

    private final EmbedTokens tokens;
    private final DashboardRunner runner;
    private final FilterOptionsRunner options;
    private final ExecutionQuotas quotas;

    public ViewEmbedService(EmbedTokens tokens, DashboardRunner runner, FilterOptionsRunner options,
                            ExecutionQuotas quotas) {
        this.tokens = tokens;
        this.runner = runner;
        this.options = options;
        this.quotas = quotas;
    }

    @Override
    public EmbedAccess open(String token) {
        EmbedTokens.Verified verified = tokens.verify(token);
        return new EmbedAccess(verified.company(), verified.dashboard(), verified.claims());
    }

    @Override
    public SharedDashboard info(EmbedAccess access) {
        return new SharedDashboard(access.company(), access.dashboard(), runner.filters(access.dashboard(), rules(access)),
                access.claims().downloads());
    }

    @Override
    public DashboardResult execute(EmbedAccess access, Map<String, RawValue> parameters) {
        return runner.execute(access.dashboard(), rules(access), parameters, quotas.embed(access.dashboard().id()));
    }

    @Override
    public WidgetExport export(EmbedAccess access, WidgetSlug widget, Map<String, RawValue> parameters) {
        DashboardRunner.requireDownloads(access.claims().downloads());
        return new WidgetExport(access.dashboard().slug(), widget, runner.export(access.dashboard(), rules(access),
                widget, parameters, quotas.embed(access.dashboard().id())));
    }

    @Override
    public OptionsAnswer options(EmbedAccess access, String filterSlug, String search) {
        return options.options(access.dashboard(), rules(access), filterSlug, search,
                quotas.embed(access.dashboard().id()));
    }

    private static AccessRules rules(EmbedAccess access) {
        return access.claims().rulesFor(access.dashboard().definition());
    }
}
