package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.web.AuditClients;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.adapter.http.edge.EmbedFilter;
import io.dashshare.adapter.http.export.Downloads;
import io.dashshare.adapter.http.export.ExportBody;
import io.dashshare.adapter.http.model.ExecuteBody;
import io.dashshare.adapter.http.model.ExecutionView;
import io.dashshare.adapter.http.model.OptionsView;
import io.dashshare.adapter.http.model.SharedDashboardView;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.application.port.in.EmbedAccess;
import io.dashshare.application.port.in.ViewEmbedUseCase;
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

/** Flow 3 of the integration guide: the iframe's API, authorised by the stateless embed token in the path. */
@Tag(name = "embed")
@Controller(value = "/api/embed/d/{token}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmbedController {

    private final ViewEmbedUseCase embeds;
    private final Downloads downloads;
    private final AuditClients clients;

    public EmbedController(ViewEmbedUseCase embeds, Downloads downloads, AuditClients clients) {
        this.embeds = embeds;
        this.downloads = downloads;
        this.clients = clients;
    }

    @Get("/info")
    @Operation(operationId = "getEmbedInfo")
    @Errors.EmbedToken
    @Errors.Unavailable
    public SharedDashboardView info(HttpRequest<?> request, @PathVariable String token) {
        AuditClient client = clients.of(request);
        return SharedDashboardView.from(embeds.info(open(request, token, AuditType.EMBED_VIEWED, client), client));
    }

    @Post("/execute")
    @Operation(operationId = "executeEmbed")
    @Errors.InvalidValues
    @Errors.Body
    @Errors.EmbedToken
    @Errors.PolicyForbidden
    @Errors.Viewer
    public ExecutionView execute(HttpRequest<?> request, @PathVariable String token, @Body ExecuteBody body) {
        AuditClient client = clients.of(request);
        EmbedAccess access = open(request, token, AuditType.DASHBOARD_EXECUTED, client);
        return ExecutionView.from(embeds.execute(access, body.values(), client), RequestIds.of(request));
    }

    @Post("/widgets/{widgetSlug}/export")
    @Produces({Downloads.CSV, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportEmbedWidget")
    @Errors.InvalidValues
    @Errors.Body
    @Errors.EmbedToken
    @Errors.ExportForbidden
    @Errors.UnknownWidget
    @Errors.Viewer
    public HttpResponse<?> export(HttpRequest<?> request, @PathVariable String token, @PathVariable String widgetSlug,
                                  @Body ExportBody body) {
        AuditClient client = clients.of(request);
        EmbedAccess access = open(request, token, AuditType.WIDGET_EXPORTED, client);
        return downloads.csv(request, embeds.export(access, Downloads.widget(widgetSlug), body.values(), client));
    }

    @Get("/filters/{filterSlug}/options")
    @Operation(operationId = "getEmbedFilterOptions")
    @Errors.InvalidOptions
    @Errors.EmbedToken
    @Errors.PolicyForbidden
    @Errors.UnknownFilter
    @Errors.Viewer
    public OptionsView options(HttpRequest<?> request, @PathVariable String token, @PathVariable String filterSlug,
                               @Nullable @QueryValue String search) {
        AuditClient client = clients.of(request);
        return OptionsView.from(embeds.options(open(request, token, AuditType.FILTER_OPTIONS, client), filterSlug,
                search, client));
    }

    /**
     * One verification per request (the embed filter's); its company's origins go to the CSP and
     * CORS headers. A refused token is verified once more by the use case, which records the
     * refusal as an event of this request's {@code type} and throws it (refusals are rare; the
     * verified path stays one verification).
     */
    private EmbedAccess open(HttpRequest<?> request, String token, AuditType type, AuditClient client) {
        return EmbedFilter.verifiedIfAny(request, token, embeds).orElseGet(() -> embeds.open(token, type, client));
    }
}
