package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.dashboard.Dashboard;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;

/** A dashboard in the owner's list, without its filters and widgets. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DashboardSummaryView(String id, String slug, String name, @io.micronaut.core.annotation.Nullable String description, String dataSource,
                                   long version, Instant createdAt, Instant updatedAt) {

    public static DashboardSummaryView from(Dashboard dashboard) {
        return new DashboardSummaryView(dashboard.id().toString(), dashboard.slug().value(),
                dashboard.definition().name(), dashboard.definition().description(),
                dashboard.definition().dataSource().value(), dashboard.version(), dashboard.createdAt(),
                dashboard.updatedAt());
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<DashboardSummaryView> dashboards) {
    }
}
