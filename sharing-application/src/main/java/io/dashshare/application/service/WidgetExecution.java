package io.dashshare.application.service;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.QuerySlots;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.execution.WidgetResult;
import io.dashshare.domain.filter.EffectiveParameters;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.ResultCache;
import io.dashshare.domain.sql.BoundStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The widgets of one dashboard execution, once {@link DashboardRunner} has applied the flow's rules:
 * answered from the result cache where it can, the rest run side by side on the data source's
 * slots, within the memory their rows may hold and the execution's deadline.
 */
final class WidgetExecution {

    private static final System.Logger LOG = System.getLogger(WidgetExecution.class.getName());

    private final QueryExecutor executor;
    private final ResultCache cache;
    private final WidgetFanOut fanOut;
    private final ResultMemory memory;

    WidgetExecution(QueryExecutor executor, ResultCache cache, WidgetFanOut fanOut, ResultMemory memory) {
        this.executor = executor;
        this.cache = cache;
        this.fanOut = fanOut;
        this.memory = memory;
    }

    /**
     * One execution of {@code dashboard}'s widgets under {@code limits}; {@code meter} null: the
     * owner's preview, which bypasses the cache and the quota. What the cache holds is answered
     * first, on this thread; the widgets left run side by side ({@link WidgetFanOut}), at most as
     * many at once as the data source allows one execution, and within the execution's deadline: a
     * widget the deadline overtakes answers its own {@code DB_QUERY_ERROR}, like a widget whose
     * statement timed out.
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
    DashboardResult run(Dashboard dashboard, EffectiveParameters effective, ExecutionQuotas.Meter meter,
                        SlotHolder holder, QueryLimits limits) {
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
            LoadRefusals.failIfBusy("dashboard", dashboard.id(), e);
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
            LoadRefusals.failIfBusy("dashboard", dashboard.id(), e);
            LOG.log(System.Logger.Level.WARNING, "widget {0} of dashboard {1} failed ({2}): {3}",
                    widget.slug(), dashboard.id(), e.reason(), e.getMessage());
            return WidgetResult.failed(widget, ErrorCode.DB_QUERY_ERROR);
        }
    }

    /** A widget's SQL with the effective values bound, as execute and an export run it. */
    static BoundStatement bound(Widget widget, EffectiveParameters effective) {
        return widget.sql().bind(name -> effective.sqlParam(name).orElseThrow());
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
