package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.export.Downloads;
import io.dashshare.adapter.http.export.ExportBody;
import io.dashshare.adapter.http.model.ExecuteBody;
import io.dashshare.adapter.http.model.ExecutionView;
import io.dashshare.adapter.http.model.OptionsView;
import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.adapter.http.web.PathIds;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.application.port.in.ManageDashboardsUseCase;
import io.dashshare.application.port.in.PreviewDashboardUseCase;
import io.dashshare.domain.dashboard.DashboardId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.dashshare.adapter.http.openapi.ErrorBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/** The owner's dashboards (docs/api.md, dashboards) and their preview, which runs without any policy. */
@Tag(name = "dashboards")
@SecurityRequirement(name = "owner")
@Controller(value = "/api/v1/dashboards", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardsController {

    private final ManageDashboardsUseCase dashboards;
    private final PreviewDashboardUseCase preview;
    private final Downloads downloads;
    private final OwnerAccess access;

    public DashboardsController(ManageDashboardsUseCase dashboards, PreviewDashboardUseCase preview,
                                Downloads downloads, OwnerAccess access) {
        this.access = access;
        this.dashboards = dashboards;
        this.preview = preview;
        this.downloads = downloads;
    }

    @Get
    @Operation(operationId = "listDashboards")
    @Errors.Owner
    public DashboardSummaryView.Page list(Authentication authentication) {
        return new DashboardSummaryView.Page(dashboards.list(access.principal(authentication)).stream()
                .map(DashboardSummaryView::from).toList());
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createDashboard")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    @ApiResponse(responseCode = "409", description = "CONFLICT: the company already has a dashboard with that slug (`details.field` `slug`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public DashboardDocument create(Authentication authentication, @Body DashboardDocument body) {
        return DashboardDocument.from(dashboards.create(access.principal(authentication), body.toDefinition()));
    }

    @Get("/{id}")
    @Operation(operationId = "getDashboard")
    @Errors.Owner
    @Errors.NotFound
    public DashboardDocument get(Authentication authentication, @PathVariable String id) {
        return DashboardDocument.from(dashboards.get(access.principal(authentication), dashboardId(id)));
    }

    @Put("/{id}")
    @Operation(operationId = "replaceDashboard")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    @Errors.NotFound
    @ApiResponse(responseCode = "409", description = "CONFLICT: the company already has a dashboard with that slug (`details.field` `slug`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public DashboardDocument update(Authentication authentication, @PathVariable String id,
                                    @Body DashboardDocument body) {
        DashboardId dashboard = dashboardId(id);
        return DashboardDocument.from(dashboards.update(access.principal(authentication), dashboard,
                body.toDefinition()));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteDashboard")
    @Errors.OwnerRole
    @Errors.NotFound
    public void delete(Authentication authentication, @PathVariable String id) {
        dashboards.delete(access.principal(authentication), dashboardId(id));
    }

    @Post("/{id}/execute")
    @Operation(operationId = "executeDashboard")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST (body), INVALID_PARAMETER (a value that does not fit its filter, `details.reason`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Body
    @Errors.Owner
    @Errors.NotFound
    @Errors.RateLimited
    public ExecutionView execute(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                 @Body ExecuteBody body) {
        DashboardId dashboard = dashboardId(id);
        return ExecutionView.from(preview.execute(access.principal(authentication), dashboard, body.values()),
                RequestIds.of(request));
    }

    /** The owner's export: no policy, always allowed (docs/api.md, exports). */
    @Post("/{id}/widgets/{widgetSlug}/export")
    @Produces({Downloads.CSV, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportDashboardWidget")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST (body), INVALID_PARAMETER (a value that does not fit its filter, `details.reason`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Body
    @Errors.Owner
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such dashboard of the caller's company, or no widget of that slug on it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.RateLimited
    public HttpResponse<?> export(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                  @PathVariable String widgetSlug, @Body ExportBody body) {
        DashboardId dashboard = dashboardId(id);
        return downloads.csv(request, preview.export(access.principal(authentication), dashboard,
                Downloads.widget(widgetSlug), body.values()));
    }

    @Get("/{id}/filters/{filterSlug}/options")
    @Operation(operationId = "getDashboardFilterOptions")
    @Errors.InvalidOptions
    @Errors.Owner
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such dashboard of the caller's company, or no select filter of that slug on it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.RateLimited
    public OptionsView options(Authentication authentication, @PathVariable String id,
                               @PathVariable String filterSlug, @Nullable @QueryValue String search) {
        return OptionsView.from(preview.options(access.principal(authentication), dashboardId(id), filterSlug,
                search));
    }

    static DashboardId dashboardId(String id) {
        return new DashboardId(PathIds.id(id, "dashboard"));
    }
}
