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
import io.swagger.v3.oas.annotations.tags.Tag;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/** Flow 1 of the integration guide: anyone holding the link's token. */
@Tag(name = "public")
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
    @Operation(operationId = "resolvePublicShare")
    @Errors.PublicToken
    @Errors.Unavailable
    public SharedDashboardView resolve(HttpRequest<?> request, @PathVariable String token) {
        return SharedDashboardView.from(shares.resolve(token, clients.of(request)));
    }

    @Post("/execute")
    @Operation(operationId = "executePublicShare")
    @Errors.InvalidValues
    @Errors.Body
    @Errors.PublicToken
    @Errors.PolicyForbidden
    @Errors.Viewer
    public ExecutionView execute(HttpRequest<?> request, @PathVariable String token, @Body ExecuteBody body) {
        return ExecutionView.from(shares.execute(token, body.values(), clients.of(request)), RequestIds.of(request));
    }

    @Post("/widgets/{widgetSlug}/export")
    @Produces({Downloads.CSV, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportPublicShareWidget")
    @Errors.InvalidValues
    @Errors.Body
    @Errors.PublicToken
    @Errors.ExportForbidden
    @Errors.UnknownWidget
    @Errors.Viewer
    public HttpResponse<?> export(HttpRequest<?> request, @PathVariable String token, @PathVariable String widgetSlug,
                                  @Body ExportBody body) {
        return downloads.csv(request, shares.export(token, Downloads.widget(widgetSlug), body.values(),
                clients.of(request)));
    }

    @Get("/filters/{filterSlug}/options")
    @Operation(operationId = "getPublicShareFilterOptions")
    @Errors.InvalidOptions
    @Errors.PublicToken
    @Errors.PolicyForbidden
    @Errors.UnknownFilter
    @Errors.Viewer
    public OptionsView options(HttpRequest<?> request, @PathVariable String token, @PathVariable String filterSlug,
                               @Nullable @QueryValue String search) {
        return OptionsView.from(shares.options(token, filterSlug, search, clients.of(request)));
    }
}
