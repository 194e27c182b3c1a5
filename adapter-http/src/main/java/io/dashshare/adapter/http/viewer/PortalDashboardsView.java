package io.dashshare.adapter.http.viewer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.adapter.http.model.CompanyHead;
import io.dashshare.adapter.http.model.ContextHead;
import io.dashshare.application.port.in.PortalDashboard;
import io.dashshare.application.port.in.PortalViewer;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** The portal's list: the company, and each dashboard shared with the person with the contexts it comes through. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PortalDashboardsView(CompanyHead company, List<Entry> dashboards) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(String slug, String name, String description, List<ContextHead> contexts) {
    }

    public static PortalDashboardsView from(PortalViewer viewer, List<PortalDashboard> dashboards) {
        return new PortalDashboardsView(CompanyHead.from(viewer.company()), dashboards.stream()
                .map(d -> new Entry(d.dashboard().slug().value(), d.dashboard().definition().name(),
                        d.dashboard().definition().description(),
                        d.contexts().stream().map(ContextHead::from).toList()))
                .toList());
    }
}
