package io.dashshare.application.service;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QuerySlots;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.EffectiveParameters;
import io.dashshare.domain.filter.FilterResolver;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.filter.Resolution;
import io.dashshare.domain.filter.ViewerFilter;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.ResultCache;
import io.dashshare.domain.sql.BoundStatement;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a dashboard's widgets under one flow's rules: resolves the filters into the effective
 * values, then hands the widgets to {@link WidgetExecution} (the result cache, the data source's
 * slots, the memory of rows, the deadline). Shared by the owner preview,
 * public links, the portal and embeds, so the rules are applied in one place (docs/filters.md).
 * An export of one widget goes through the same resolution and quota as execute, but never
 * through the cache: its rows are always fresh and streamed (docs/api.md, exports).
 */
public final class DashboardRunner {

    private static final System.Logger LOG = System.getLogger(DashboardRunner.class.getName());

    private final QueryExecutor executor;
    private final ExecutionQuotas quotas;
    private final SharingSettings settings;
    private final WidgetExecution widgets;

    public DashboardRunner(QueryExecutor executor, ResultCache cache, ExecutionQuotas quotas, SharingSettings settings,
                           WidgetFanOut fanOut, ResultMemory memory) {
        this.executor = executor;
        this.quotas = quotas;
        this.settings = settings;
        this.widgets = new WidgetExecution(executor, cache, fanOut, memory);
    }

    /** The filters a viewer may use under {@code rules}, or the refusal of every request under them. */
    public List<ViewerFilter> filters(Dashboard dashboard, AccessRules rules) {
        return FilterResolver.visibleFilters(dashboard.definition().filters(), rules).orElseThrow();
    }

    /** The effective parameters of a request: what execute (and an export) run with. */
    public Resolution<EffectiveParameters> parameters(Dashboard dashboard, AccessRules rules,
                                                      Map<String, RawValue> viewerValues) {
        return FilterResolver.resolve(dashboard.definition().filters(), rules, viewerValues);
    }

    /** The owner's preview: no policy, no cache, no quota; always fresh data. */
    public DashboardResult preview(Dashboard dashboard, Map<String, RawValue> parameters) {
        EffectiveParameters effective = parameters(dashboard, AccessRules.UNRESTRICTED, parameters).orElseThrow();
        return run(dashboard, effective, null, SlotHolder.dashboard(dashboard.id()));
    }

    /** A viewer's execution: cached, and counted against {@code quota} when it reaches the data source. */
    public DashboardResult execute(Dashboard dashboard, AccessRules rules, Map<String, RawValue> parameters,
                                   ExecutionQuotas.Quota quota) {
        return execute(dashboard, rules, parameters, quota, SlotHolder.dashboard(dashboard.id()));
    }

    /** Like the above, holding the data source's slots as {@code holder} (the dashboard and the share it came through). */
    public DashboardResult execute(Dashboard dashboard, AccessRules rules, Map<String, RawValue> parameters,
                                   ExecutionQuotas.Quota quota, SlotHolder holder) {
        EffectiveParameters effective = parameters(dashboard, rules, parameters).orElseThrow();
        return run(dashboard, effective, quotas.meter(quota), holder);
    }

    /**
     * A viewer's export of one widget: the widget's SQL under the effective parameters of
     * {@code rules} (and its refusals), one execution of {@code quota}, holding its slot as
     * {@code holder} (an export runs under the same fair share as execute), and a cursor over the
     * rows. The parameters are resolved once: {@code resolved} gets them when the rules allow them
     * (the export's audit event), before an unknown widget is refused.
     */
    public RowCursor export(Dashboard dashboard, AccessRules rules, WidgetSlug widget, Map<String, RawValue> parameters,
                            ExecutionQuotas.Quota quota, SlotHolder holder, Consumer<EffectiveParameters> resolved) {
        Resolution<EffectiveParameters> resolution = told(parameters(dashboard, rules, parameters), resolved);
        Widget exported = widget(dashboard, widget);
        return stream(dashboard, exported, resolution.orElseThrow(), quotas.meter(quota), holder);
    }

    /** The owner's export: no policy, no quota, like the preview; {@code resolved} as above. */
    public RowCursor exportPreview(Dashboard dashboard, WidgetSlug widget, Map<String, RawValue> parameters,
                                   Consumer<EffectiveParameters> resolved) {
        Resolution<EffectiveParameters> resolution =
                told(parameters(dashboard, AccessRules.UNRESTRICTED, parameters), resolved);
        Widget exported = widget(dashboard, widget);
        return stream(dashboard, exported, resolution.orElseThrow(), null, SlotHolder.dashboard(dashboard.id()));
    }

    /** Hands the parameters to {@code resolved} when the rules allow them; an unknown widget is still refused first. */
    private static Resolution<EffectiveParameters> told(Resolution<EffectiveParameters> resolution,
                                                        Consumer<EffectiveParameters> resolved) {
        if (resolution instanceof Resolution.Allowed<EffectiveParameters> allowed) {
            resolved.accept(allowed.value());
        }
        return resolution;
    }

    /** 403 {@code FORBIDDEN} ({@code downloads_disabled}) unless the share or embed token allows exports. */
    public static void requireDownloads(boolean allowed) {
        if (!allowed) {
            throw new SharingException(ErrorCode.FORBIDDEN, "Downloads are not enabled for this dashboard.",
                    Map.of("reason", "downloads_disabled"));
        }
    }

    private static Widget widget(Dashboard dashboard, WidgetSlug slug) {
        return dashboard.definition().widget(slug.value()).orElseThrow(() -> SharingException.notFound("Widget"));
    }

    /**
     * The export's slot is taken before its quota is spent, so a refusal for load costs the viewer
     * no execution; closing the slots at once leaves the one the cursor holds until it is closed.
     */
    private RowCursor stream(Dashboard dashboard, Widget widget, EffectiveParameters effective,
                             ExecutionQuotas.Meter meter, SlotHolder holder) {
        BoundStatement statement = WidgetExecution.bound(widget, effective);
        QueryLimits limits = new QueryLimits(settings.queries().maxExportRows(), settings.queries().timeout());
        try (QuerySlots slots = executor.reserve(dashboard.definition().dataSource(), holder, 1)) {
            if (meter != null) {
                meter.beforeQuery();
            }
            return slots.stream(statement, limits);
        } catch (QueryFailedException e) {
            LoadRefusals.failIfBusy("export of dashboard", dashboard.id(), e);
            // The widget's error of execute, as the whole answer: an export is that one widget.
            LOG.log(System.Logger.Level.WARNING, "export of widget {0} of dashboard {1} failed ({2}): {3}",
                    widget.slug(), dashboard.id(), e.reason(), e.getMessage());
            throw new SharingException(ErrorCode.DB_QUERY_ERROR, "This widget's query failed.",
                    Map.of("widget_slug", widget.slug().value()));
        }
    }

    /** {@code meter} null: the owner's preview, which bypasses the cache and the quota ({@link WidgetExecution}). */
    private DashboardResult run(Dashboard dashboard, EffectiveParameters effective, ExecutionQuotas.Meter meter,
                                SlotHolder holder) {
        QueryLimits limits = new QueryLimits(settings.queries().maxRowsPerWidget(), settings.queries().timeout());
        return widgets.run(dashboard, effective, meter, holder, limits);
    }
}
