package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.view.ViewerViews;
import io.dashshare.adapter.http.web.Bodies;
import io.dashshare.adapter.http.web.EmbedFilter;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.Responses;
import io.dashshare.application.port.in.SharedDashboard;
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
        SharedDashboard verified = request.getAttribute(EmbedFilter.VERIFIED, SharedDashboard.class)
                .orElseGet(() -> embeds.info(token));
        return Responses.ok(ViewerViews.sharedDashboard(verified));
    }

    @Post("/execute")
    public HttpResponse<byte[]> execute(HttpRequest<?> request, @PathVariable String token,
                                        @Nullable @Body byte[] body) {
        Tree root = Bodies.object(body, "parameters");
        return Responses.ok(ViewerViews.result(embeds.execute(token, Bodies.parameters(root)), RequestIds.of(request)));
    }

    @Get("/filters/{filterSlug}/options")
    public HttpResponse<byte[]> options(@PathVariable String token, @PathVariable String filterSlug,
                                        @Nullable @QueryValue String search) {
        return Responses.ok(ViewerViews.options(embeds.options(token, filterSlug, search)));
    }
}
