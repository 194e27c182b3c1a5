package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.view.ViewerViews;
import io.dashshare.adapter.http.web.Bodies;
import io.dashshare.adapter.http.web.BearerTokens;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.Responses;
import io.dashshare.application.port.in.PortalViewer;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.port.in.ViewSharePortalUseCase;
import io.dashshare.domain.common.Ids;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.document.Tree;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Guide flow 2, step 5. Anonymous for micronaut-security: the share-access token is checked by
 * the use case on every call (company slug, live session, current membership).
 */
@Controller(value = "/api/v1/share-portal/{companySlug}/dashboards", consumes = MediaType.APPLICATION_JSON,
        produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SharePortalController {

    private final ViewSharePortalUseCase portal;

    public SharePortalController(ViewSharePortalUseCase portal) {
        this.portal = portal;
    }

    @Get
    public HttpResponse<byte[]> dashboards(HttpRequest<?> request, @PathVariable String companySlug) {
        PortalViewer viewer = viewer(request, companySlug);
        return Responses.ok(ViewerViews.portalDashboards(viewer, portal.dashboards(viewer)));
    }

    @Get("/{dashboardSlug}")
    public HttpResponse<byte[]> resolve(HttpRequest<?> request, @PathVariable String companySlug,
                                        @PathVariable String dashboardSlug,
                                        @Nullable @QueryValue("context_id") String contextId) {
        PortalViewer viewer = viewer(request, companySlug);
        SharedDashboard shared = portal.resolve(viewer, dashboardSlug, contextId);
        // resolve refused any context_id that is not one of the viewer's: this one is.
        ShareContext through = Ids.parse(contextId).map(ShareContextId::new).flatMap(viewer::context)
                .orElseThrow(() -> new IllegalStateException("resolved through a context the viewer is not in"));
        return Responses.ok(ViewerViews.portalDashboard(shared, through));
    }

    @Post("/{dashboardSlug}/execute")
    public HttpResponse<byte[]> execute(HttpRequest<?> request, @PathVariable String companySlug,
                                        @PathVariable String dashboardSlug, @Nullable @Body byte[] body) {
        PortalViewer viewer = viewer(request, companySlug);
        Tree root = Bodies.object(body, "context_id", "parameters");
        return Responses.ok(ViewerViews.result(portal.execute(viewer, dashboardSlug,
                root.optionalString("context_id"), Bodies.parameters(root)), RequestIds.of(request)));
    }

    @Get("/{dashboardSlug}/filters/{filterSlug}/options")
    public HttpResponse<byte[]> options(HttpRequest<?> request, @PathVariable String companySlug,
                                        @PathVariable String dashboardSlug, @PathVariable String filterSlug,
                                        @Nullable @QueryValue("context_id") String contextId,
                                        @Nullable @QueryValue String search) {
        PortalViewer viewer = viewer(request, companySlug);
        return Responses.ok(ViewerViews.options(portal.options(viewer, dashboardSlug, contextId, filterSlug, search)));
    }

    private PortalViewer viewer(HttpRequest<?> request, String companySlug) {
        return portal.authenticate(companySlug, BearerTokens.of(request).orElse(null));
    }
}
