package io.dashshare.adapter.http.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * What a viewer needs to draw a dashboard: public resolve, portal dashboard and embed info share
 * this shape (docs/api.md); the portal adds the share {@code context} it is shown through.
 * {@code downloads} tells the page whether to offer CSV exports. SQL never leaves the server.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharedDashboardView(CompanyHead company, Board dashboard, List<ViewerFilterView> filters,
                                  boolean downloads, @io.micronaut.core.annotation.Nullable ContextHead context) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Board(String slug, String name, @io.micronaut.core.annotation.Nullable String description, long version, List<WidgetHead> widgets) {

        static Board from(Dashboard dashboard) {
            return new Board(dashboard.slug().value(), dashboard.definition().name(),
                    dashboard.definition().description(), dashboard.version(),
                    dashboard.definition().widgets().stream().map(WidgetHead::from).toList());
        }
    }

    public static SharedDashboardView from(SharedDashboard shared) {
        return new SharedDashboardView(CompanyHead.from(shared.company()), Board.from(shared.dashboard()),
                shared.filters().stream().map(ViewerFilterView::from).toList(), shared.downloads(), null);
    }

    public static SharedDashboardView through(SharedDashboard shared, ShareContext context) {
        SharedDashboardView view = from(shared);
        return new SharedDashboardView(view.company(), view.dashboard(), view.filters(), view.downloads(),
                ContextHead.from(context));
    }
}
