package io.dashshare.application.service;

import io.dashshare.application.SharingSettings;
import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.domain.common.Text;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.WidgetResult;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.EffectiveParameters;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.FilterResolver;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.OptionsPlan;
import io.dashshare.domain.filter.OptionsSource;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.filter.ViewerFilter;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.ResultCache;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.sql.SqlParam;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a dashboard under one flow's rules: resolves the filters (FilterResolver), binds the
 * effective values into each widget's SQL, and reads or fills the result cache. Shared by the
 * owner preview, public links, the portal and embeds, so the rules are applied in one place.
 */
public final class DashboardRunner {

    private static final System.Logger LOG = System.getLogger(DashboardRunner.class.getName());

    private final QueryExecutor executor;
    private final ResultCache cache;
    private final SharingSettings settings;

    public DashboardRunner(QueryExecutor executor, ResultCache cache, SharingSettings settings) {
        this.executor = executor;
        this.cache = cache;
        this.settings = settings;
    }

    public List<ViewerFilter> filters(Dashboard dashboard, AccessRules rules) {
        return FilterResolver.visibleFilters(dashboard.definition().filters(), rules);
    }

    /** {@code cached} is false for the owner preview, which must always show fresh data. */
    public DashboardResult execute(Dashboard dashboard, AccessRules rules, Map<String, RawValue> parameters,
                                   boolean cached) {
        EffectiveParameters effective = FilterResolver.resolve(dashboard.definition().filters(), rules, parameters);
        QueryLimits limits = new QueryLimits(settings.maxRowsPerWidget(), settings.queryTimeout());
        List<WidgetResult> results = new ArrayList<>();
        for (Widget widget : dashboard.definition().widgets()) {
            ResultCache.Key key = cacheKey(dashboard, "widget:" + widget.slug().value(), effective.canonicalKey());
            Optional<QueryResult> hit = cached ? cache.get(key) : Optional.empty();
            if (hit.isPresent()) {
                results.add(WidgetResult.ok(widget, hit.get()));
                continue;
            }
            BoundStatement statement = widget.sql().bind(name -> effective.sqlParam(name).orElseThrow());
            try {
                QueryResult result = executor.run(dashboard.definition().dataSource(), statement, limits);
                if (cached) {
                    cache.put(key, result);
                }
                results.add(WidgetResult.ok(widget, result));
            } catch (QueryFailedException e) {
                LOG.log(System.Logger.Level.WARNING, "widget {0} of dashboard {1} failed ({2}): {3}",
                        widget.slug(), dashboard.id(), e.reason(), e.getMessage());
                results.add(WidgetResult.failed(widget, e.reason() == QueryFailedException.Reason.TOO_BUSY
                        ? ErrorCode.RATE_LIMITED : ErrorCode.DB_QUERY_ERROR));
            }
        }
        return new DashboardResult(effective, results);
    }

    public OptionsAnswer options(Dashboard dashboard, AccessRules rules, String filterSlug, String search,
                                 boolean cached) {
        FilterDefinition filter = dashboard.definition().filter(filterSlug)
                .orElseThrow(() -> new SharingException(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                        "This dashboard has no such filter.",
                        Map.of("filter_slug", printable(filterSlug), "reason", "unknown_filter")));
        String term = checkedSearch(search);
        OptionsPlan plan = FilterResolver.optionsPlan(filter, rules);
        if (plan instanceof OptionsPlan.Listed listed) {
            List<FilterOption> narrowed = listed.options().stream().filter(o -> o.matches(term)).toList();
            return new OptionsAnswer(filterSlug, narrowed, listed.source());
        }
        OptionsPlan.Query query = (OptionsPlan.Query) plan;
        EffectiveParameters context = FilterResolver.omittedValues(dashboard.definition().filters(), rules);
        ResultCache.Key key = cacheKey(dashboard, "options:" + filterSlug,
                context.canonicalKey() + "|search=" + (term == null ? "-" : term.length() + ":" + term));
        Optional<QueryResult> hit = cached ? cache.get(key) : Optional.empty();
        QueryResult result;
        if (hit.isPresent()) {
            result = hit.get();
        } else {
            BoundStatement statement = query.sql().bind(name -> FilterSlug.SEARCH.equals(name)
                    ? new SqlParam.TextParam(term == null ? null : likeEscaped(term))
                    : context.sqlParam(name).orElseThrow());
            try {
                result = executor.run(dashboard.definition().dataSource(), statement,
                        new QueryLimits(settings.maxOptionRows(), settings.queryTimeout()));
            } catch (QueryFailedException e) {
                LOG.log(System.Logger.Level.WARNING, "options of filter {0} of dashboard {1} failed ({2}): {3}",
                        filterSlug, dashboard.id(), e.reason(), e.getMessage());
                throw optionsFailure(e);
            }
            if (cached) {
                cache.put(key, result);
            }
        }
        return new OptionsAnswer(filterSlug, toOptions(result), OptionsSource.DYNAMIC);
    }

    private static SharingException optionsFailure(QueryFailedException e) {
        if (e.reason() == QueryFailedException.Reason.TOO_BUSY) {
            return new SharingException(ErrorCode.RATE_LIMITED, "Too many queries are running; try again shortly.");
        }
        return new SharingException(ErrorCode.DB_QUERY_ERROR, "The filter's options could not be loaded.");
    }

    private String checkedSearch(String search) {
        if (search == null || search.isEmpty()) {
            return null;
        }
        if (search.length() > settings.maxSearchLength()) {
            throw new SharingException(ErrorCode.INVALID_PARAMETER,
                    "search must be at most " + settings.maxSearchLength() + " characters.",
                    Map.of("parameter", "search", "reason", "too_long"));
        }
        if (Text.hasForbiddenControl(search)) {
            throw new SharingException(ErrorCode.INVALID_PARAMETER, "search must not contain control characters.",
                    Map.of("parameter", "search", "reason", "control_characters"));
        }
        return search;
    }

    /**
     * {@code :search} is bound LIKE-escaped (backslash is PostgreSQL's default LIKE escape), so
     * {@code ilike '%' || :search || '%'} matches {@code %}, {@code _} and {@code \} literally.
     */
    static String likeEscaped(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<FilterOption> toOptions(QueryResult result) {
        int valueColumn = columnIndex(result, "value", 0);
        int labelColumn = columnIndex(result, "label", result.columns().size() > 1 ? 1 : valueColumn);
        Set<String> seen = new LinkedHashSet<>();
        List<FilterOption> options = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Object value = row.get(valueColumn);
            if (value == null || !seen.add(value.toString()) || value.toString().isBlank()) {
                continue;
            }
            Object label = row.get(labelColumn);
            try {
                options.add(new FilterOption(label == null ? value.toString() : label.toString(), value.toString()));
            } catch (IllegalArgumentException e) {
                // A value no viewer could send back (too long, control characters): not offered.
            }
        }
        return options;
    }

    private static int columnIndex(QueryResult result, String name, int fallback) {
        for (int i = 0; i < result.columns().size(); i++) {
            if (result.columns().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return fallback;
    }

    private static ResultCache.Key cacheKey(Dashboard dashboard, String part, String parameters) {
        return new ResultCache.Key(dashboard.companyId().toString(), dashboard.id().toString(), dashboard.version(),
                part, parameters);
    }

    private static String printable(String key) {
        String cleaned = key == null ? "" : key.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
    }
}
