package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerTokens;
import io.dashshare.adapter.http.view.OwnerViews;
import io.dashshare.adapter.http.view.ViewerViews;
import io.dashshare.adapter.http.web.Bodies;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.Responses;
import io.dashshare.application.port.in.ManageDashboardsUseCase;
import io.dashshare.application.port.in.PreviewDashboardUseCase;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.adapter.http.json.Json;
import io.dashshare.domain.document.DashboardDocument;
import io.dashshare.domain.document.Tree;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Dashboards CRUD and the owner's preview (PRODUCT.md §5). */
@Controller(value = "/api/v1/dashboards", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardsController {

    private final ManageDashboardsUseCase dashboards;
    private final PreviewDashboardUseCase preview;

    public DashboardsController(ManageDashboardsUseCase dashboards, PreviewDashboardUseCase preview) {
        this.dashboards = dashboards;
        this.preview = preview;
    }

    @Get
    public HttpResponse<byte[]> list(Authentication authentication) {
        List<Object> list = new ArrayList<>();
        for (Dashboard dashboard : dashboards.list(OwnerTokens.principal(authentication))) {
            list.add(OwnerViews.dashboardSummary(dashboard));
        }
        return Responses.ok(Map.of("dashboards", list));
    }

    @Post
    public HttpResponse<byte[]> create(Authentication authentication, @Nullable @Body byte[] body) {
        Dashboard created = dashboards.create(OwnerTokens.principal(authentication), DashboardDocument.read(Json.parse(body)));
        return Responses.created(OwnerViews.dashboard(created));
    }

    @Get("/{id}")
    public HttpResponse<byte[]> get(Authentication authentication, @PathVariable String id) {
        return Responses.ok(OwnerViews.dashboard(dashboards.get(OwnerTokens.principal(authentication), dashboardId(id))));
    }

    @Put("/{id}")
    public HttpResponse<byte[]> update(Authentication authentication, @PathVariable String id,
                                       @Nullable @Body byte[] body) {
        DashboardId dashboard = dashboardId(id);
        Dashboard updated = dashboards.update(OwnerTokens.principal(authentication), dashboard,
                DashboardDocument.read(Json.parse(body)));
        return Responses.ok(OwnerViews.dashboard(updated));
    }

    @Delete("/{id}")
    public HttpResponse<byte[]> delete(Authentication authentication, @PathVariable String id) {
        dashboards.delete(OwnerTokens.principal(authentication), dashboardId(id));
        return Responses.noContent();
    }

    @Post("/{id}/execute")
    public HttpResponse<byte[]> execute(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                        @Nullable @Body byte[] body) {
        DashboardId dashboard = dashboardId(id);
        Tree root = Bodies.object(body, "parameters");
        return Responses.ok(ViewerViews.result(preview.execute(OwnerTokens.principal(authentication), dashboard,
                Bodies.parameters(root)), RequestIds.of(request)));
    }

    @Get("/{id}/filters/{filterSlug}/options")
    public HttpResponse<byte[]> options(Authentication authentication, @PathVariable String id,
                                        @PathVariable String filterSlug, @Nullable @QueryValue String search) {
        return Responses.ok(ViewerViews.options(preview.options(OwnerTokens.principal(authentication), dashboardId(id),
                filterSlug, search)));
    }

    static DashboardId dashboardId(String id) {
        return new DashboardId(Bodies.id(id, "dashboard"));
    }
}
