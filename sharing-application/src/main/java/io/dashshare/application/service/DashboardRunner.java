package io.dashshare.application.service;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.QuerySlots;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.execution.WidgetResult;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.EffectiveParameters;
import io.dashshare.domain.filter.FilterResolver;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.filter.Resolution;
import io.dashshare.domain.filter.ViewerFilter;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.ResultCache;
import io.dashshare.domain.sql.BoundStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a dashboard's widgets under one flow's rules: resolves the filters, binds the effective
 * values into each widget's SQL and reads or fills the result cache. Shared by the owner preview,
 * public links, the portal and embeds, so the rules are applied in one place (docs/filters.md).
 * An export of one widget goes through the same resolution and quota as execute, but never
 * through the cache: its rows are always fresh and streamed (docs/api.md, exports).
 */
public final class DashboardRunner {

    private static final System.Logger LOG = System.getLogger(DashboardRunner.class.getName());

    /** What a caller refused for load is told to wait: a query slot frees within about that. */
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    private final QueryExecutor executor;
    private final ResultCache cache;
    private final ExecutionQuotas quotas;
    private final SharingSettings settings;
    private final WidgetFanOut fanOut;
    private final ResultMemory memory;

    public DashboardRunner(QueryExecutor executor, ResultCache cache, ExecutionQuotas quotas, SharingSettings settings,
                           WidgetFanOut fanOut, ResultMemory memory) {
        this.executor = executor;
        this.cache = cache;
        this.quotas = quotas;
        this.settings = settings;
        this.fanOut = fanOut;
        this.memory = memory;
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
        BoundStatement statement = bound(widget, effective);
        QueryLimits limits = new QueryLimits(settings.queries().maxExportRows(), settings.queries().timeout());
        try (QuerySlots slots = executor.reserve(dashboard.definition().dataSource(), holder, 1)) {
            if (meter != null) {
                meter.beforeQuery();
            }
            return slots.stream(statement, limits);
        } catch (QueryFailedException e) {
            failIfBusy("export of dashboard", dashboard, e);
            // The widget's error of execute, as the whole answer: an export is that one widget.
            LOG.log(System.Logger.Level.WARNING, "export of widget {0} of dashboard {1} failed ({2}): {3}",
                    widget.slug(), dashboard.id(), e.reason(), e.getMessage());
            throw new SharingException(ErrorCode.DB_QUERY_ERROR, "This widget's query failed.",
                    Map.of("widget_slug", widget.slug().value()));
        }
    }

    /**
     * {@code meter} null: the owner's preview, which bypasses the cache and the quota. What the
     * cache holds is answered first, on this thread; the widgets left run side by side
     * ({@link WidgetFanOut}), at most as many at once as the data source allows one execution, and
     * within the execution's deadline: a widget the deadline overtakes answers its own
     * {@code DB_QUERY_ERROR}, like a widget whose statement timed out.
     *
     * <p>The slots are taken once, before any widget runs, under the holder's fair share of the
     * source (docs/operations.md, fair use of a data source): an execution that cannot have one is
     * refused at once (429), and one that has them never waits for another turn between widgets,
     * so no refusal comes after a widget ran. A dashboard already holding its share is refused
     * even while the source has slots free: those are for the other dashboards.
     *
     * <p>The rows read are bounded by {@link ResultMemory}: each widget keeps at most its even part
     * of what one execution may hold (past it, cut and flagged like the row cap), and a process with
     * no memory free for them refuses the whole answer for load.
     */
    private DashboardResult run(Dashboard dashboard, EffectiveParameters effective, ExecutionQuotas.Meter meter,
                                SlotHolder holder) {
        QueryLimits limits = new QueryLimits(settings.queries().maxRowsPerWidget(), settings.queries().timeout());
        List<Widget> widgets = dashboard.definition().widgets();
        WidgetResult[] results = new WidgetResult[widgets.size()];
        List<Integer> missing = new ArrayList<>(widgets.size());
        List<BiFunction<QuerySlots, ResultMemory.Execution, WidgetResult>> queries = new ArrayList<>(widgets.size());
        for (int i = 0; i < widgets.size(); i++) {
            Widget widget = widgets.get(i);
            ResultCache.Key key = meter == null ? null : ResultKeys.widget(dashboard, widget, effective);
            Optional<QueryResult> kept = key == null ? Optional.empty() : cache.peek(key);
            if (kept.isPresent()) {
                results[i] = WidgetResult.ok(widget, kept.get());
            } else {
                BoundStatement statement = bound(widget, effective);
                missing.add(i);
                queries.add((slots, rows) -> widget(dashboard, widget, statement, limits, meter, key, slots, rows));
            }
        }
        if (!queries.isEmpty()) {
            DataSourceName source = dashboard.definition().dataSource();
            int wanted = Math.min(queries.size(), Math.min(executor.statementsPerExecution(source), fanOut.maxLanes()));
            List<Optional<WidgetResult>> ran;
            // Executions of one version of a dashboard are alike: each starts at what the last one held.
            Object kind = List.of(dashboard.id(), dashboard.version());
            try (ResultMemory.Execution rows = memory.execution(widgets.size(), kind);
                 QuerySlots slots = reserve(dashboard, source, holder, wanted)) {
                List<Supplier<WidgetResult>> tasks = new ArrayList<>(queries.size());
                for (BiFunction<QuerySlots, ResultMemory.Execution, WidgetResult> query : queries) {
                    tasks.add(() -> query.apply(slots, rows));
                }
                ran = fanOut.run(tasks, slots.granted());
            }
            for (int j = 0; j < ran.size(); j++) {
                int i = missing.get(j);
                results[i] = ran.get(j).orElseGet(() -> late(dashboard, widgets.get(i)));
            }
        }
        return new DashboardResult(effective, Arrays.asList(results));
    }

    /** The execution's slots, or the whole answer's 429 at once. */
    private QuerySlots reserve(Dashboard dashboard, DataSourceName source, SlotHolder holder, int wanted) {
        try {
            return executor.reserve(source, holder, wanted);
        } catch (QueryFailedException e) {
            failIfBusy("dashboard", dashboard, e);
            // Not a refusal for load (an unknown source): every widget fails on its own as before.
            LOG.log(System.Logger.Level.WARNING, "dashboard {0} could not take a slot of its data source ({1}): {2}",
                    dashboard.id(), e.reason(), e.getMessage());
            return new FailedSlots(e);
        }
    }

    /** One widget's answer: its rows, or its own error; a source refusing for load is the whole answer's 429. */
    private WidgetResult widget(Dashboard dashboard, Widget widget, BoundStatement statement, QueryLimits limits,
                                ExecutionQuotas.Meter meter, ResultCache.Key key, QuerySlots slots,
                                ResultMemory.Execution rows) {
        Supplier<QueryResult> query = () -> {
            if (meter != null) {
                meter.beforeQuery();
            }
            ResultMemory.Lease lease = rows.widget();
            try {
                return slots.run(statement, new QueryLimits(limits.maxRows(), limits.timeout(), lease));
            } finally {
                lease.finish();
            }
        };
        try {
            return WidgetResult.ok(widget, key == null ? query.get() : cache.get(key, query));
        } catch (QueryFailedException e) {
            failIfBusy("dashboard", dashboard, e);
            LOG.log(System.Logger.Level.WARNING, "widget {0} of dashboard {1} failed ({2}): {3}",
                    widget.slug(), dashboard.id(), e.reason(), e.getMessage());
            return WidgetResult.failed(widget, ErrorCode.DB_QUERY_ERROR);
        }
    }

    private static BoundStatement bound(Widget widget, EffectiveParameters effective) {
        return widget.sql().bind(name -> effective.sqlParam(name).orElseThrow());
    }

    /**
     * A data source at its concurrency cap makes the whole answer 429, never a dashboard with holes
     * the viewer cannot tell from empty data, nor an export cut short.
     */
    private static void failIfBusy(String what, Dashboard dashboard, QueryFailedException e) {
        if (e.reason() == QueryFailedException.Reason.TOO_BUSY) {
            LOG.log(System.Logger.Level.INFO, "{0} {1} refused for load: {2}", what, dashboard.id(), e.getMessage());
            throw new RateLimitedException(BUSY_RETRY_AFTER);
        }
    }

    private WidgetResult late(Dashboard dashboard, Widget widget) {
        LOG.log(System.Logger.Level.WARNING, "widget {0} of dashboard {1} did not finish within the execution "
                + "deadline of {2} ms", widget.slug(), dashboard.id(), fanOut.deadline().toMillis());
        return WidgetResult.failed(widget, ErrorCode.DB_QUERY_ERROR);
    }

    /** What an execution runs on when its source refused slots for a reason other than load: each widget fails alike. */
    private record FailedSlots(QueryFailedException failure) implements QuerySlots {

        @Override
        public int granted() {
            return 1;
        }

        @Override
        public QueryResult run(BoundStatement statement, QueryLimits limits) {
            throw failure;
        }

        @Override
        public RowCursor stream(BoundStatement statement, QueryLimits limits) {
            throw failure;
        }

        @Override
        public void close() {
        }
    }
}
