package io.dashshare.application.service;

import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.domain.common.Text;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
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
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.ResultCache;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.sql.SqlParam;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a dashboard under one flow's rules: resolves the filters (FilterResolver), binds the
 * effective values into each widget's SQL, and reads or fills the result cache. Shared by the
 * owner preview, public links, the portal and embeds, so the rules are applied in one place.
 */
public final class DashboardRunner {

    private static final System.Logger LOG = System.getLogger(DashboardRunner.class.getName());

    private static final Duration QUOTA_WINDOW = Duration.ofMinutes(1);
    /** What a caller refused for load is told to wait: a query slot frees within about that. */
    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    private final QueryExecutor executor;
    private final ResultCache cache;
    /** Cached executions running now, so that concurrent identical misses run the SQL once. */
    private final Map<ResultCache.Key, CompletableFuture<QueryResult>> inFlight = new ConcurrentHashMap<>();
    private final RateLimiter limiter;
    private final Clock clock;
    private final SharingSettings settings;

    /** A runner without execution quotas (the owner preview only needs this). */
    public DashboardRunner(QueryExecutor executor, ResultCache cache, SharingSettings settings) {
        this(executor, cache, null, Clock.systemUTC(), settings);
    }

    /** {@code limiter} counts {@link Quota}s; give it the shared (database) one when several instances run. */
    public DashboardRunner(QueryExecutor executor, ResultCache cache, RateLimiter limiter, Clock clock,
                           SharingSettings settings) {
        this.executor = executor;
        this.cache = cache;
        this.limiter = limiter;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * How many executions per minute one viewer-facing entry point (a share, an embedded
     * dashboard) may send to the data source. Only executions that run at least one query count:
     * answers served entirely from the result cache cost the database nothing.
     */
    public record Quota(String key, int perMinute) {
    }

    /** The quota of one share's executions (public link or portal), at the configured rate. */
    public Quota shareQuota(Object shareId) {
        return new Quota("executions:share:" + shareId, settings.executionsPerSharePerMinute());
    }

    /** The quota of one dashboard's embed executions, at the configured rate. */
    public Quota embedQuota(Object dashboardId) {
        return new Quota("executions:embed:" + dashboardId, settings.executionsPerEmbedDashboardPerMinute());
    }

    public List<ViewerFilter> filters(Dashboard dashboard, AccessRules rules) {
        return FilterResolver.visibleFilters(dashboard.definition().filters(), rules);
    }

    /** {@code cached} is false for the owner preview, which must always show fresh data. */
    public DashboardResult execute(Dashboard dashboard, AccessRules rules, Map<String, RawValue> parameters,
                                   boolean cached) {
        return run(dashboard, rules, parameters, cached, null);
    }

    /** A viewer's execution: cached, and counted against {@code quota} when it reaches the data source. */
    public DashboardResult execute(Dashboard dashboard, AccessRules rules, Map<String, RawValue> parameters,
                                   Quota quota) {
        return run(dashboard, rules, parameters, true, quota);
    }

    private DashboardResult run(Dashboard dashboard, AccessRules rules, Map<String, RawValue> parameters,
                                boolean cached, Quota quota) {
        EffectiveParameters effective = FilterResolver.resolve(dashboard.definition().filters(), rules, parameters);
        QueryLimits limits = new QueryLimits(settings.maxRowsPerWidget(), settings.queryTimeout());
        List<Widget> widgets = dashboard.definition().widgets();
        QueryResult[] hits = new QueryResult[widgets.size()];
        ResultCache.Key[] keys = new ResultCache.Key[widgets.size()];
        boolean missed = false;
        for (int i = 0; i < hits.length; i++) {
            keys[i] = cacheKey(dashboard, "widget:" + widgets.get(i).slug().value(), effective.canonicalKey());
            hits[i] = cached ? cache.get(keys[i]).orElse(null) : null;
            missed |= hits[i] == null;
        }
        if (missed) {
            spend(quota);
        }
        List<WidgetResult> results = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            Widget widget = widgets.get(i);
            if (hits[i] != null) {
                results.add(WidgetResult.ok(widget, hits[i]));
                continue;
            }
            BoundStatement statement = widget.sql().bind(name -> effective.sqlParam(name).orElseThrow());
            try {
                QueryResult result = cached && cache.enabled()
                        ? coalesced(keys[i], () -> executor.run(dashboard.definition().dataSource(), statement, limits))
                        : executor.run(dashboard.definition().dataSource(), statement, limits);
                results.add(WidgetResult.ok(widget, result));
            } catch (QueryFailedException e) {
                if (e.reason() == QueryFailedException.Reason.TOO_BUSY) {
                    // The data source is at its concurrency cap: the whole answer is 429, never a
                    // dashboard with holes the viewer cannot tell from empty data.
                    LOG.log(System.Logger.Level.INFO, "dashboard {0} refused for load: {1}", dashboard.id(),
                            e.getMessage());
                    throw new RateLimitedException(BUSY_RETRY_AFTER);
                }
                LOG.log(System.Logger.Level.WARNING, "widget {0} of dashboard {1} failed ({2}): {3}",
                        widget.slug(), dashboard.id(), e.reason(), e.getMessage());
                results.add(WidgetResult.failed(widget, ErrorCode.DB_QUERY_ERROR));
            }
        }
        return new DashboardResult(effective, results);
    }

    /**
     * Runs {@code query} for a cache miss, unless the same key is already running: then waits for
     * that run instead. When a popular link's entries expire, the requests that arrive together
     * would otherwise all run the same SQL at once (a stampede on the data source and a long tail
     * of waiting viewers); now one runs it and the rest share its result or its failure. With the
     * cache turned off nothing is shared: each execution runs its own SQL.
     */
    private QueryResult coalesced(ResultCache.Key key, Supplier<QueryResult> query) {
        CompletableFuture<QueryResult> mine = new CompletableFuture<>();
        CompletableFuture<QueryResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.get(settings.queryTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                return query.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryFailedException(QueryFailedException.Reason.UNAVAILABLE, "interrupted", e);
            }
        }
        try {
            QueryResult result = query.get();
            cache.put(key, result);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Counts one execution against {@code quota}; 429 with the time left in the window when spent. */
    private void spend(Quota quota) {
        if (quota == null || limiter == null || quota.perMinute() <= 0) {
            return;
        }
        RateLimiter.Decision decision = limiter.hit(quota.key(), quota.perMinute(), QUOTA_WINDOW, clock.instant());
        if (!decision.allowed()) {
            throw new RateLimitedException(decision.retryAfter());
        }
    }

    public OptionsAnswer options(Dashboard dashboard, AccessRules rules, String filterSlug, String search,
                                 Quota quota) {
        return options(dashboard, rules, filterSlug, search, true, quota);
    }

    public OptionsAnswer options(Dashboard dashboard, AccessRules rules, String filterSlug, String search,
                                 boolean cached) {
        return options(dashboard, rules, filterSlug, search, cached, null);
    }

    private OptionsAnswer options(Dashboard dashboard, AccessRules rules, String filterSlug, String search,
                                  boolean cached, Quota quota) {
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
            spend(quota);
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
            return new RateLimitedException(BUSY_RETRY_AFTER);
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
