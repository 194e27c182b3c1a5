package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.web.AuditClients;
import io.dashshare.adapter.http.export.Downloads;
import io.dashshare.adapter.http.export.PortalExportBody;
import io.dashshare.adapter.http.model.ExecutionView;
import io.dashshare.adapter.http.model.OptionsView;
import io.dashshare.adapter.http.model.SharedDashboardView;
import io.dashshare.adapter.http.web.BearerTokens;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.application.port.in.PortalDashboardView;
import io.dashshare.application.port.in.PortalViewer;
import io.dashshare.application.port.in.ViewSharePortalUseCase;
import io.dashshare.domain.common.Ids;
import io.dashshare.domain.common.Slugs;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.dashshare.adapter.http.openapi.ErrorBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Flow 2 of the integration guide, step 5. Anonymous for micronaut-security: the share-access
 * token is checked by the use case on every call (company slug, live session, current membership),
 * before any other part of the request is looked at.
 */
@Tag(name = "share-portal")
@SecurityRequirement(name = "shareAccess")
@Controller(value = "/api/v1/share-portal/{companySlug}/dashboards", consumes = MediaType.APPLICATION_JSON,
        produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SharePortalController {

    private final ViewSharePortalUseCase portal;
    private final Downloads downloads;
    private final AuditClients clients;

    public SharePortalController(ViewSharePortalUseCase portal, Downloads downloads, AuditClients clients) {
        this.portal = portal;
        this.downloads = downloads;
        this.clients = clients;
    }

    @Get
    @Operation(operationId = "listPortalDashboards")
    @Errors.ShareAccess
    @Errors.Unavailable
    public PortalDashboardsView dashboards(HttpRequest<?> request, @PathVariable String companySlug) {
        PortalViewer viewer = viewer(request, companySlug);
        return PortalDashboardsView.from(viewer, portal.dashboards(viewer));
    }

    @Get("/{dashboardSlug}")
    @Operation(operationId = "resolvePortalDashboard")
    @ApiResponse(responseCode = "400", description = "INVALID_CONTEXT_ID: `context_id` missing or not one of the viewer's share contexts", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.ShareAccess
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no dashboard of that slug shared with the viewer", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Unavailable
    public SharedDashboardView resolve(HttpRequest<?> request, @PathVariable String companySlug,
                                       @PathVariable String dashboardSlug,
                                       @Nullable @QueryValue("context_id") String contextId) {
        PortalViewer viewer = viewer(request, companySlug);
        ShareContextId context = context(contextId);
        PortalDashboardView shown = portal.resolve(viewer, dashboard(dashboardSlug), context);
        return SharedDashboardView.through(shown.dashboard(), shown.context());
    }

    @Post("/{dashboardSlug}/execute")
    @Operation(operationId = "executePortalDashboard")
    @Errors.InvalidPortalValues
    @Errors.Body
    @Errors.ShareAccess
    @Errors.PolicyForbidden
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no dashboard of that slug shared with the viewer", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Viewer
    public ExecutionView execute(HttpRequest<?> request, @PathVariable String companySlug,
                                 @PathVariable String dashboardSlug, @Body PortalExecuteBody body) {
        PortalViewer viewer = viewer(request, companySlug);
        ShareContextId context = context(body.contextId().orElse(null));
        return ExecutionView.from(portal.execute(viewer, dashboard(dashboardSlug), context, body.values()),
                RequestIds.of(request));
    }

    @Post("/{dashboardSlug}/widgets/{widgetSlug}/export")
    @Produces({Downloads.CSV, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportPortalWidget")
    @Errors.InvalidPortalValues
    @Errors.Body
    @Errors.ShareAccess
    @Errors.ExportForbidden
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no dashboard of that slug shared with the viewer, or no widget of that slug on it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Viewer
    public HttpResponse<?> export(HttpRequest<?> request, @PathVariable String companySlug,
                                  @PathVariable String dashboardSlug, @PathVariable String widgetSlug,
                                  @Body PortalExportBody body) {
        PortalViewer viewer = viewer(request, companySlug);
        ShareContextId context = context(body.contextId().orElse(null));
        return downloads.csv(request, portal.export(viewer, dashboard(dashboardSlug), context,
                Downloads.widget(widgetSlug), body.values()));
    }

    @Get("/{dashboardSlug}/filters/{filterSlug}/options")
    @Operation(operationId = "getPortalFilterOptions")
    @Errors.InvalidPortalOptions
    @Errors.ShareAccess
    @Errors.PolicyForbidden
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no dashboard of that slug shared with the viewer, or no select filter of that slug on it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Viewer
    public OptionsView options(HttpRequest<?> request, @PathVariable String companySlug,
                               @PathVariable String dashboardSlug, @PathVariable String filterSlug,
                               @Nullable @QueryValue("context_id") String contextId,
                               @Nullable @QueryValue String search) {
        PortalViewer viewer = viewer(request, companySlug);
        ShareContextId context = context(contextId);
        return OptionsView.from(portal.options(viewer, dashboard(dashboardSlug), context, filterSlug, search));
    }

    private PortalViewer viewer(HttpRequest<?> request, String companySlug) {
        return portal.authenticate(companySlug, BearerTokens.of(request).orElse(null), clients.of(request));
    }

    /** The guide's {@code context_id}: anything but one of the viewer's context ids is {@code INVALID_CONTEXT_ID}. */
    private static ShareContextId context(String contextId) {
        return Ids.parse(contextId).map(ShareContextId::new).orElseThrow(() -> new SharingException(
                ErrorCode.INVALID_CONTEXT_ID, "context_id must be the id of one of your share contexts"));
    }

    /** A slug that cannot name a dashboard names none shared with the viewer: 404, like any other. */
    private static DashboardSlug dashboard(String slug) {
        if (slug == null || !Slugs.SLUG.matcher(slug).matches()) {
            throw SharingException.notFound("Dashboard");
        }
        return new DashboardSlug(slug);
    }
}
