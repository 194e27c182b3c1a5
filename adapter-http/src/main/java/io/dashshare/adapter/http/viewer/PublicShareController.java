package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.web.AuditClients;
import io.dashshare.adapter.http.export.Downloads;
import io.dashshare.adapter.http.export.ExportBody;
import io.dashshare.adapter.http.model.ExecuteBody;
import io.dashshare.adapter.http.model.ExecutionView;
import io.dashshare.adapter.http.model.OptionsView;
import io.dashshare.adapter.http.model.SharedDashboardView;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.application.port.in.ViewPublicShareUseCase;
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

/** Flow 1 of the integration guide: anyone holding the link's token. */
@Tag(name = "public")
@ApiResponse(responseCode = "400", description = "INVALID_REQUEST, INVALID_PARAMETER, INVALID_CONTEXT_ID, SHARE_FILTER_POLICY_VIOLATION, DB_QUERY_ERROR", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "401", description = "TOKEN_INVALID, AUTH_REQUIRED (public link of a context-bound share), UNAUTHENTICATED", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "403", description = "FILTER_DISABLED_BY_POLICY, FORBIDDEN (downloads_disabled)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "404", description = "NOT_FOUND (unknown widget, filter, dashboard)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "415", description = "INVALID_REQUEST: body not application/json", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "429", description = "RATE_LIMITED (Retry-After)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@Controller(value = "/api/v1/public/shares/{token}", consumes = MediaType.APPLICATION_JSON,
        produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicShareController {

    private final ViewPublicShareUseCase shares;
    private final Downloads downloads;
    private final AuditClients clients;

    public PublicShareController(ViewPublicShareUseCase shares, Downloads downloads, AuditClients clients) {
        this.shares = shares;
        this.downloads = downloads;
        this.clients = clients;
    }

    @Get("/resolve")
    public SharedDashboardView resolve(HttpRequest<?> request, @PathVariable String token) {
        return SharedDashboardView.from(shares.resolve(token, clients.of(request)));
    }

    @Post("/execute")
    public ExecutionView execute(HttpRequest<?> request, @PathVariable String token, @Body ExecuteBody body) {
        return ExecutionView.from(shares.execute(token, body.values(), clients.of(request)), RequestIds.of(request));
    }

    @Post("/widgets/{widgetSlug}/export")
    @Produces({Downloads.CSV, MediaType.APPLICATION_JSON})
    public HttpResponse<?> export(HttpRequest<?> request, @PathVariable String token, @PathVariable String widgetSlug,
                                  @Body ExportBody body) {
        return downloads.csv(request, shares.export(token, Downloads.widget(widgetSlug), body.values(),
                clients.of(request)));
    }

    @Get("/filters/{filterSlug}/options")
    public OptionsView options(HttpRequest<?> request, @PathVariable String token, @PathVariable String filterSlug,
                               @Nullable @QueryValue String search) {
        return OptionsView.from(shares.options(token, filterSlug, search, clients.of(request)));
    }
}
