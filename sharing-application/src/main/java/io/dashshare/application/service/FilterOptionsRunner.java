package io.dashshare.application.service;

import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.domain.common.Text;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.EffectiveParameters;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.FilterResolver;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.OptionsPlan;
import io.dashshare.domain.filter.OptionsSource;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.ResultCache;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.sql.SqlParam;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The options endpoint of every flow: a select filter's choices under the flow's rules (the
 * policy's allowed values, the static list, or the filter's SQL with {@code :search}), see
 * docs/filters.md.
 */
public final class FilterOptionsRunner {

    private static final System.Logger LOG = System.getLogger(FilterOptionsRunner.class.getName());

    private final QueryExecutor executor;
    private final ResultCache cache;
    private final ExecutionQuotas quotas;
    private final SharingSettings settings;

    public FilterOptionsRunner(QueryExecutor executor, ResultCache cache, ExecutionQuotas quotas,
                               SharingSettings settings) {
        this.executor = executor;
        this.cache = cache;
        this.quotas = quotas;
        this.settings = settings;
    }

    /** The owner's preview: no policy, no cache, no quota. */
    public OptionsAnswer preview(Dashboard dashboard, String filterSlug, String search) {
        return run(dashboard, AccessRules.UNRESTRICTED, filterSlug, search, null);
    }

    /** A viewer's options: cached, and counted against {@code quota} when they reach the data source. */
    public OptionsAnswer options(Dashboard dashboard, AccessRules rules, String filterSlug, String search,
                                 ExecutionQuotas.Quota quota) {
        return run(dashboard, rules, filterSlug, search, quotas.meter(quota));
    }

    private OptionsAnswer run(Dashboard dashboard, AccessRules rules, String filterSlug, String search,
                              ExecutionQuotas.Meter meter) {
        FilterDefinition filter = dashboard.definition().filter(filterSlug)
                .orElseThrow(() -> FilterResolver.unknownFilter(filterSlug).toException());
        String term = checkedSearch(search);
        OptionsPlan plan = FilterResolver.optionsPlan(filter, rules).orElseThrow();
        if (plan instanceof OptionsPlan.Listed listed) {
            List<FilterOption> narrowed = listed.options().stream().filter(o -> o.matches(term)).toList();
            return new OptionsAnswer(filterSlug, narrowed, listed.source());
        }
        OptionsPlan.Query query = (OptionsPlan.Query) plan;
        EffectiveParameters context = FilterResolver.omittedValues(dashboard.definition().filters(), rules).orElseThrow();
        BoundStatement statement = query.sql().bind(name -> FilterSlug.SEARCH.equals(name)
                ? new SqlParam.TextParam(term == null ? null : likeEscaped(term))
                : context.sqlParam(name).orElseThrow());
        Supplier<QueryResult> run = () -> {
            if (meter != null) {
                meter.beforeQuery();
            }
            return executor.run(dashboard.definition().dataSource(), statement,
                    new QueryLimits(settings.queries().maxOptionRows(), settings.queries().timeout()));
        };
        QueryResult result;
        try {
            result = meter == null ? run.get() : cache.get(ResultKeys.options(dashboard, filterSlug, context, term), run);
        } catch (QueryFailedException e) {
            LOG.log(System.Logger.Level.WARNING, "options of filter {0} of dashboard {1} failed ({2}): {3}",
                    filterSlug, dashboard.id(), e.reason(), e.getMessage());
            throw optionsFailure(e);
        }
        return new OptionsAnswer(filterSlug, toOptions(result), OptionsSource.DYNAMIC);
    }

    private static SharingException optionsFailure(QueryFailedException e) {
        if (e.reason() == QueryFailedException.Reason.TOO_BUSY) {
            return new RateLimitedException(LoadRefusals.RETRY_AFTER);
        }
        return new SharingException(ErrorCode.DB_QUERY_ERROR, "The filter's options could not be loaded.");
    }

    private String checkedSearch(String search) {
        if (search == null || search.isEmpty()) {
            return null;
        }
        if (search.length() > settings.queries().maxSearchLength()) {
            throw new SharingException(ErrorCode.INVALID_PARAMETER,
                    "search must be at most " + settings.queries().maxSearchLength() + " characters.",
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
            } catch (InvalidValueException e) {
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
}
