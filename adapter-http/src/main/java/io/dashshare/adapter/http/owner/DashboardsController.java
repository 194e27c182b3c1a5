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

/** The owner's dashboards (docs/api.md, dashboards) and their preview, which runs without any policy. */
@Tag(name = "dashboards")
@SecurityRequirement(name = "owner")
@ApiResponse(responseCode = "400", description = "INVALID_REQUEST, INVALID_PARAMETER, SHARE_FILTER_POLICY_VIOLATION, DB_QUERY_ERROR", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "401", description = "UNAUTHENTICATED (no bearer), TOKEN_INVALID", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "403", description = "FORBIDDEN (role, api_key)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "409", description = "CONFLICT", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "415", description = "INVALID_REQUEST: body not application/json", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "429", description = "RATE_LIMITED", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
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
    public DashboardSummaryView.Page list(Authentication authentication) {
        return new DashboardSummaryView.Page(dashboards.list(access.principal(authentication)).stream()
                .map(DashboardSummaryView::from).toList());
    }

    @Post
    @Status(HttpStatus.CREATED)
    public DashboardDocument create(Authentication authentication, @Body DashboardDocument body) {
        return DashboardDocument.from(dashboards.create(access.principal(authentication), body.toDefinition()));
    }

    @Get("/{id}")
    public DashboardDocument get(Authentication authentication, @PathVariable String id) {
        return DashboardDocument.from(dashboards.get(access.principal(authentication), dashboardId(id)));
    }

    @Put("/{id}")
    public DashboardDocument update(Authentication authentication, @PathVariable String id,
                                    @Body DashboardDocument body) {
        DashboardId dashboard = dashboardId(id);
        return DashboardDocument.from(dashboards.update(access.principal(authentication), dashboard,
                body.toDefinition()));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(Authentication authentication, @PathVariable String id) {
        dashboards.delete(access.principal(authentication), dashboardId(id));
    }

    @Post("/{id}/execute")
    public ExecutionView execute(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                 @Body ExecuteBody body) {
        DashboardId dashboard = dashboardId(id);
        return ExecutionView.from(preview.execute(access.principal(authentication), dashboard, body.values()),
                RequestIds.of(request));
    }

    /** The owner's export: no policy, always allowed (docs/api.md, exports). */
    @Post("/{id}/widgets/{widgetSlug}/export")
    @Produces({Downloads.CSV, MediaType.APPLICATION_JSON})
    public HttpResponse<?> export(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                  @PathVariable String widgetSlug, @Body ExportBody body) {
        DashboardId dashboard = dashboardId(id);
        return downloads.csv(request, preview.export(access.principal(authentication), dashboard,
                Downloads.widget(widgetSlug), body.values()));
    }

    @Get("/{id}/filters/{filterSlug}/options")
    public OptionsView options(Authentication authentication, @PathVariable String id,
                               @PathVariable String filterSlug, @Nullable @QueryValue String search) {
        return OptionsView.from(preview.options(access.principal(authentication), dashboardId(id), filterSlug,
                search));
    }

    static DashboardId dashboardId(String id) {
        return new DashboardId(PathIds.id(id, "dashboard"));
    }
}
