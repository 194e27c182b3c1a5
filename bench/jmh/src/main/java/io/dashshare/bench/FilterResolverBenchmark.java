package io.dashshare.bench;

import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.filter.FilterResolver;
import io.dashshare.domain.filter.PolicyDraft;
import io.dashshare.domain.filter.PolicyMode;
import io.dashshare.domain.filter.RawValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link FilterResolver#resolve} on the demo dashboard's four filters (target: under 20 us per
 * call): no restriction with every parameter sent, and a share whose policies fix the region and
 * restrict the statuses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FilterResolverBenchmark {

    private List<FilterDefinition> filters;
    private AccessRules policies;
    private Map<String, RawValue> parameters;

    @Setup
    public void setUp() {
        DashboardDefinition sales = Demo.salesOverview();
        filters = sales.filters();
        FilterDefinition region = sales.filter("region").orElseThrow();
        FilterDefinition status = sales.filter("status").orElseThrow();
        policies = AccessRules.SharePolicies.of(List.of(
                FilterPolicy.of(region, new PolicyDraft(region.slug(), Optional.of(FilterKind.SELECT), PolicyMode.FIXED,
                        List.of(), Optional.of(new RawValue.Str("north")))),
                FilterPolicy.of(status, new PolicyDraft(status.slug(), Optional.of(FilterKind.MULTI_SELECT),
                        PolicyMode.SELECTABLE, List.of(new RawValue.Str("paid"), new RawValue.Str("shipped")),
                        Optional.empty()))));
        parameters = Map.of(
                "period_start", new RawValue.Str("2025-03-01"),
                "period_end", new RawValue.Str("2025-09-30"),
                "status", new RawValue.Arr(List.of(new RawValue.Str("paid"))));
    }

    @Benchmark
    public Object unrestricted() {
        return FilterResolver.resolve(filters, AccessRules.UNRESTRICTED, parameters);
    }

    @Benchmark
    public Object sharePolicies() {
        return FilterResolver.resolve(filters, policies, parameters);
    }
}
