package io.dashshare.application.service;

import io.dashshare.application.port.in.EmbedAccess;
import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.port.in.ViewEmbedUseCase;
import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.TokenRefusedException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.RawValue;
import java.util.Map;

public final class ViewEmbedService implements ViewEmbedUseCase {

    private final EmbedTokens tokens;
    private final DashboardRunner runner;
    private final FilterOptionsRunner options;
    private final ExecutionQuotas quotas;
    private final Audit audit;

    public ViewEmbedService(EmbedTokens tokens, DashboardRunner runner, FilterOptionsRunner options,
                            ExecutionQuotas quotas, Audit audit) {
        this.tokens = tokens;
        this.runner = runner;
        this.options = options;
        this.quotas = quotas;
        this.audit = audit;
    }

    @Override
    public EmbedAccess open(String token) {
        EmbedTokens.Verified verified = tokens.verify(token);
        return new EmbedAccess(verified.company(), verified.dashboard(), verified.claims());
    }

    @Override
    public SharedDashboard info(EmbedAccess access, AuditClient client) {
        return draft(AuditType.EMBED_VIEWED, access, client).around(() -> new SharedDashboard(access.company(),
                access.dashboard(), runner.filters(access.dashboard(), rules(access)), access.claims().downloads()));
    }

    @Override
    public DashboardResult execute(EmbedAccess access, Map<String, RawValue> parameters, AuditClient client) {
        Audit.Draft draft = draft(AuditType.DASHBOARD_EXECUTED, access, client);
        return draft.around(() -> {
            DashboardResult ran = runner.execute(access.dashboard(), rules(access), parameters,
                    quotas.embed(access.dashboard().id()));
            draft.parameters(ran.parameters()).rowCount(Audit.rowCount(ran));
            return ran;
        });
    }

    @Override
    public WidgetExport export(EmbedAccess access, WidgetSlug widget, Map<String, RawValue> parameters,
                               AuditClient client) {
        Audit.Draft draft = draft(AuditType.WIDGET_EXPORTED, access, client).detail("widget_slug", widget.value());
        try {
            DashboardRunner.requireDownloads(access.claims().downloads());
            return AuditedRows.audited(new WidgetExport(access.dashboard().slug(), widget, runner.export(
                    access.dashboard(), rules(access), widget, parameters, quotas.embed(access.dashboard().id()),
                    SlotHolder.dashboard(access.dashboard().id()), draft::parameters)), draft);
        } catch (RuntimeException e) {
            draft.failed(e);
            throw e;
        }
    }

    @Override
    public OptionsAnswer options(EmbedAccess access, String filterSlug, String search, AuditClient client) {
        return draft(AuditType.FILTER_OPTIONS, access, client).detail("filter_slug", filterSlug)
                .around(() -> options.options(access.dashboard(), rules(access), filterSlug, search,
                        quotas.embed(access.dashboard().id())));
    }

    /**
     * The token verified, or its refusal recorded in the log of the company whose key its
     * {@code kid} names (with {@code jti} and {@code sub} once the signature held) and thrown. The
     * event says which check failed, in {@code details.reason}; the viewer is told only
     * {@code TOKEN_INVALID}.
     */
    @Override
    public EmbedAccess open(String token, AuditType type, AuditClient client) {
        EmbedTokens.Attempt attempt = tokens.attempt(token);
        if (attempt instanceof EmbedTokens.Verified verified) {
            return new EmbedAccess(verified.company(), verified.dashboard(), verified.claims());
        }
        EmbedTokens.Refused refused = (EmbedTokens.Refused) attempt;
        refused.company().ifPresent(company -> {
            Audit.Draft draft = audit.event(type, AuditFlow.EMBED, company.id(),
                    new AuditActor.Embed(refused.jti().orElse(null), refused.subject().orElse(null)), client);
            refused.dashboard().ifPresent(draft::dashboard);
            if (refused.refusal() instanceof TokenRefusedException why) {
                draft.detail("reason", why.reason().wire());
            }
            draft.failed(refused.refusal());
        });
        throw refused.refusal();
    }

    private Audit.Draft draft(AuditType type, EmbedAccess access, AuditClient client) {
        return audit.event(type, AuditFlow.EMBED, access.company().id(),
                new AuditActor.Embed(access.claims().jti(), access.claims().dashboardId().toString()), client)
                .dashboard(access.dashboard().id());
    }

    private static AccessRules rules(EmbedAccess access) {
        return access.claims().rulesFor(access.dashboard().definition());
    }
}
