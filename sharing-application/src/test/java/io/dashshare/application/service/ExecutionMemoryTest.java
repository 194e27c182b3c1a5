package io.dashshare.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.RowWeight;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.tenant.Company;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A dashboard execution holds at most its bound of rows in memory, and the process at most its
 * whole (DashboardRunner over ResultMemory, docs/filters.md "Memory of an execution"): an owner's
 * dashboard of large widgets is cut and flagged, the same way for every viewer, and viewers who
 * would take more than the process has are refused for load instead of ending it.
 */
class ExecutionMemoryTest {

    private static final int CHUNK = ResultMemory.CHUNK;

    private SharingHarness h;
    private OwnerPrincipal owner;
    private Dashboard dashboard;

    private void start(ResultMemory memory) {
        h = SharingHarness.withResultMemory(memory);
        Company acme = h.company("acme");
        owner = h.ownerOf(acme);
        dashboard = h.dashboard(acme, DashboardBuilder.aDashboard()
                .withWidget("big", Visualization.TABLE, "select * from demo.orders -- big")
                .withWidget("small", Visualization.NUMBER, "select count(*) from demo.orders -- small"));
        h.executor().answer("-- big", rows(50_000));
        h.executor().answer("-- small", rows(1));
    }

    private static QueryResult rows(int count) {
        List<List<Object>> rows = new ArrayList<>(count);
        for (long i = 0; i < count; i++) {
            rows.add(List.of(i, "customer-" + i, "EMEA"));
        }
        return new QueryResult(List.of(new Column("id", "number"), new Column("customer", "text"),
                new Column("region", "text")), rows, false, 1);
    }

    @Test
    void a_widget_past_its_part_of_the_executions_bound_is_cut_and_flagged_like_the_row_cap() {
        start(new ResultMemory(64L * CHUNK, 16L * CHUNK, Duration.ZERO));

        DashboardResult result = h.publicShares().execute(h.publicShare(owner, dashboard).token(), Map.of());

        QueryResult big = result.widgets().get(0).result().orElseThrow();
        QueryResult small = result.widgets().get(1).result().orElseThrow();
        long part = 16L * CHUNK / 2;
        assertThat(big.truncated()).isTrue();
        assertThat(big.rows()).hasSizeLessThan(50_000).isNotEmpty();
        assertThat(big.rows().stream().mapToLong(RowWeight::row).sum()).isBetween(part - 200, part);
        assertThat(small.truncated()).isFalse();
        assertThat(small.rows()).hasSize(1);
    }

    @Test
    void the_cut_is_the_same_for_every_viewer_and_for_the_owners_preview() {
        start(new ResultMemory(64L * CHUNK, 16L * CHUNK, Duration.ZERO));
        String token = h.publicShare(owner, dashboard).token();

        int first = h.publicShares().execute(token, Map.of()).widgets().get(0).result().orElseThrow().rows().size();
        h.clock().advance(Duration.ofMinutes(5)); // past the cache: the statement runs again
        int second = h.publicShares().execute(token, Map.of()).widgets().get(0).result().orElseThrow().rows().size();
        int preview = h.preview().execute(owner, dashboard.id(), Map.of()).widgets().get(0).result().orElseThrow()
                .rows().size();

        assertThat(second).isEqualTo(first);
        assertThat(preview).isEqualTo(first);
    }

    @Test
    void viewers_who_would_take_more_than_the_process_holds_are_refused_for_load_and_served_once_it_is_free() {
        ResultMemory memory = new ResultMemory(16L * CHUNK, 16L * CHUNK, Duration.ZERO);
        start(memory);
        String token = h.publicShare(owner, dashboard).token();
        // Another execution in flight holds all but one chunk of the process's memory.
        ResultMemory.Execution other = memory.execution(1);
        ResultMemory.Lease held = other.widget();
        held.take(15L * CHUNK);
        held.finish();

        assertThatThrownBy(() -> h.publicShares().execute(token, Map.of())).isInstanceOf(RateLimitedException.class);

        other.close();
        DashboardResult served = h.publicShares().execute(token, Map.of());
        assertThat(served.widgets()).allSatisfy(widget -> assertThat(widget.result()).isPresent());
        assertThat(memory.inUse()).as("an answered execution gives its memory back").isZero();
    }
}
