package io.dashshare.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.application.service.ResultMemory;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.execution.RowMemoryExhaustedException;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.sql.BoundStatement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A refusal for want of memory for rows is counted apart from a data source at its cap
 * ({@code limit="execution-memory"}, README metrics), and the memory of executions is a gauge.
 */
class ServiceMetricsTest {

    private static final DataSourceName DEMO = new DataSourceName("demo");
    private static final BoundStatement STATEMENT = new BoundStatement("select 1", List.of());
    private static final QueryLimits LIMITS = new QueryLimits(10, Duration.ofSeconds(5));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ServiceMetrics metrics = new ServiceMetrics(registry);

    @Test
    void a_refusal_for_want_of_memory_is_counted_as_execution_memory_and_one_at_the_cap_as_data_source_busy() {
        QueryExecutor memory = metrics.queries(failing(() -> new RowMemoryExhaustedException("full")));
        QueryExecutor busy = metrics.queries(failing(
                () -> new QueryFailedException(QueryFailedException.Reason.TOO_BUSY, "cap", null)));

        assertThatThrownBy(() -> memory.reserve(DEMO, SlotHolder.dashboard(dashboard()), 1).run(STATEMENT, LIMITS))
                .isInstanceOf(RowMemoryExhaustedException.class);
        assertThatThrownBy(() -> busy.run(DEMO, STATEMENT, LIMITS)).isInstanceOf(QueryFailedException.class);

        QueryExecutor sibling = metrics.queries(failing(() -> new RowMemoryExhaustedException("full").again()));
        assertThatThrownBy(() -> sibling.run(DEMO, STATEMENT, LIMITS)).isInstanceOf(RowMemoryExhaustedException.class);

        assertThat(rejections("execution-memory")).as("the refused execution's other statements count no more")
                .isEqualTo(1);
        assertThat(rejections("data-source-busy")).isEqualTo(1);
    }

    @Test
    void the_memory_of_executions_is_a_gauge_of_what_they_hold_and_of_the_bound() {
        metrics.resultMemory(new ResultMemory(1L << 20, 1L << 19, Duration.ZERO));

        assertThat(registry.get("sharing.query.memory.max").gauge().value()).isEqualTo(1 << 20);
        assertThat(registry.get("sharing.query.memory.used").gauge().value()).isZero();
    }

    private double rejections(String limit) {
        return registry.get("sharing.rate_limit.rejections").tag("limit", limit).counter().count();
    }

    private static DashboardId dashboard() {
        return new DashboardId(UUID.randomUUID());
    }

    private static QueryExecutor failing(Supplier<QueryFailedException> failure) {
        return new QueryExecutor() {
            @Override
            public QueryResult run(DataSourceName dataSource, BoundStatement statement, QueryLimits limits) {
                throw failure.get();
            }

            @Override
            public RowCursor stream(DataSourceName dataSource, BoundStatement statement, QueryLimits limits) {
                throw failure.get();
            }

            @Override
            public Set<DataSourceName> dataSources() {
                return Set.of(DEMO);
            }
        };
    }
}
