package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.view.ViewerViews;
import io.dashshare.adapter.http.web.Bodies;
import io.dashshare.adapter.http.web.EmbedFilter;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.Responses;
import io.dashshare.application.port.in.EmbedAccess;
import io.dashshare.application.port.in.ViewEmbedUseCase;
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

/** Guide flow 3: the iframe's API, authorised by the stateless embed token in the path. */
@Controller(value = "/api/embed/d/{token}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmbedController {

    private final ViewEmbedUseCase embeds;

    public EmbedController(ViewEmbedUseCase embeds) {
        this.embeds = embeds;
    }

    @Get("/info")
    public HttpResponse<byte[]> info(HttpRequest<?> request, @PathVariable String token) {
        return Responses.ok(ViewerViews.sharedDashboard(embeds.info(open(request, token))));
    }

    @Post("/execute")
    public HttpResponse<byte[]> execute(HttpRequest<?> request, @PathVariable String token,
                                        @Nullable @Body byte[] body) {
        Tree root = Bodies.object(body, "parameters");
        EmbedAccess access = open(request, token);
        return Responses.ok(ViewerViews.result(embeds.execute(access, Bodies.parameters(root)), RequestIds.of(request)));
    }

    @Get("/filters/{filterSlug}/options")
    public HttpResponse<byte[]> options(HttpRequest<?> request, @PathVariable String token,
                                        @PathVariable String filterSlug, @Nullable @QueryValue String search) {
        return Responses.ok(ViewerViews.options(embeds.options(open(request, token), filterSlug, search)));
    }

    /** One verification per request; its company's origins go to the response's CSP and CORS headers. */
    private EmbedAccess open(HttpRequest<?> request, String token) {
        EmbedAccess access = embeds.open(token);
        EmbedFilter.allowFraming(request, access.company().embedOrigins());
        return access;
    }
}
