package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerTokens;
import io.dashshare.adapter.http.view.OwnerViews;
import io.dashshare.adapter.http.web.Bodies;
import io.dashshare.adapter.http.web.Responses;
import io.dashshare.application.port.in.EmbedRequest;
import io.dashshare.application.port.in.IssueEmbedTokenUseCase;
import io.dashshare.application.port.in.IssuedEmbedToken;
import io.dashshare.application.port.in.ManageEmbedKeysUseCase;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.document.Tree;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Minting embed tokens, rotating embed keys, revoking a dashboard's stateless tokens. */
@Controller(value = "/api/v1/embed", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmbedAdminController {

    private final IssueEmbedTokenUseCase issuer;
    private final ManageEmbedKeysUseCase keys;

    public EmbedAdminController(IssueEmbedTokenUseCase issuer, ManageEmbedKeysUseCase keys) {
        this.issuer = issuer;
        this.keys = keys;
    }

    @Post("/dashboards/{id}")
    public HttpResponse<byte[]> issue(Authentication authentication, @PathVariable String id,
                                      @Nullable @Body byte[] body) {
        DashboardId dashboard = DashboardsController.dashboardId(id);
        Tree root = Bodies.optionalObject(body, "allowed_params", "required_params", "fixed_params", "expires_in");
        EmbedRequest request = new EmbedRequest(root.stringList("allowed_params"), root.stringList("required_params"),
                Bodies.rawMap(root, "fixed_params"), Optional.ofNullable(root.optionalLong("expires_in")));
        IssuedEmbedToken issued = issuer.issue(OwnerTokens.principal(authentication), dashboard, request);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", issued.token());
        answer.put("embed_url", issued.embedUrl());
        answer.put("expires_at", issued.expiresAt());
        return Responses.created(answer);
    }

    @Post("/dashboards/{id}/revoke-tokens")
    public HttpResponse<byte[]> revokeTokens(Authentication authentication, @PathVariable String id,
                                             @Nullable @Body byte[] body) {
        DashboardId dashboard = DashboardsController.dashboardId(id);
        Tree root = Bodies.optionalObject(body, "issued_before");
        Dashboard updated = keys.refuseTokensIssuedBefore(OwnerTokens.principal(authentication), dashboard,
                Bodies.instant(root, "issued_before"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dashboard_id", updated.id().toString());
        answer.put("embed_tokens_not_before", updated.embedTokensNotBefore().orElse(null));
        return Responses.ok(answer);
    }

    @Get("/keys")
    public HttpResponse<byte[]> listKeys(Authentication authentication) {
        List<Object> list = new ArrayList<>();
        keys.list(OwnerTokens.principal(authentication)).forEach(k -> list.add(OwnerViews.embedKey(k)));
        return Responses.ok(Map.of("keys", list));
    }

    @Post("/keys")
    public HttpResponse<byte[]> createKey(Authentication authentication) {
        return Responses.created(OwnerViews.createdEmbedKey(keys.create(OwnerTokens.principal(authentication))));
    }

    @Post("/keys/{kid}/retire")
    public HttpResponse<byte[]> retireKey(Authentication authentication, @PathVariable String kid) {
        return Responses.ok(OwnerViews.embedKey(keys.retire(OwnerTokens.principal(authentication), kid)));
    }
}
