package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerTokens;
import io.dashshare.adapter.http.view.OwnerViews;
import io.dashshare.adapter.http.web.Bodies;
import io.dashshare.adapter.http.web.Responses;
import io.dashshare.application.port.in.ManageShareContextsUseCase;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.document.Tree;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Share contexts and their members (guide flow 2, steps 1-2). */
@Controller(value = "/api/v1/share-contexts", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShareContextsController {

    private final ManageShareContextsUseCase contexts;

    public ShareContextsController(ManageShareContextsUseCase contexts) {
        this.contexts = contexts;
    }

    @Post
    public HttpResponse<byte[]> create(Authentication authentication, @Nullable @Body byte[] body) {
        Tree root = Bodies.object(body, "name", "description");
        return Responses.created(OwnerViews.context(contexts.create(OwnerTokens.principal(authentication),
                root.requiredString("name"), root.optionalString("description"))));
    }

    @Get
    public HttpResponse<byte[]> list(Authentication authentication) {
        List<Object> list = new ArrayList<>();
        contexts.list(OwnerTokens.principal(authentication)).forEach(c -> list.add(OwnerViews.context(c)));
        return Responses.ok(Map.of("share_contexts", list));
    }

    @Get("/{id}")
    public HttpResponse<byte[]> get(Authentication authentication, @PathVariable String id) {
        return Responses.ok(OwnerViews.context(contexts.get(OwnerTokens.principal(authentication), contextId(id))));
    }

    /** Absent members stay; {@code "description": null} clears the description. */
    @Patch("/{id}")
    public HttpResponse<byte[]> update(Authentication authentication, @PathVariable String id,
                                       @Nullable @Body byte[] body) {
        ShareContextId context = contextId(id);
        Tree root = Bodies.object(body, "name", "description");
        Optional<String> name = root.has("name") ? Optional.of(root.requiredString("name")) : Optional.empty();
        Optional<String> description = root.has("description")
                ? Optional.of(Optional.ofNullable(root.optionalString("description")).orElse("")) : Optional.empty();
        return Responses.ok(OwnerViews.context(contexts.update(OwnerTokens.principal(authentication), context, name,
                description)));
    }

    @Delete("/{id}")
    public HttpResponse<byte[]> delete(Authentication authentication, @PathVariable String id) {
        contexts.delete(OwnerTokens.principal(authentication), contextId(id));
        return Responses.noContent();
    }

    @Post("/{id}/members")
    public HttpResponse<byte[]> addMember(Authentication authentication, @PathVariable String id,
                                          @Nullable @Body byte[] body) {
        ShareContextId context = contextId(id);
        Tree root = Bodies.object(body, "member_type", "email");
        return Responses.created(OwnerViews.member(contexts.addMember(OwnerTokens.principal(authentication), context,
                root.requiredString("member_type"), root.requiredString("email"))));
    }

    @Get("/{id}/members")
    public HttpResponse<byte[]> members(Authentication authentication, @PathVariable String id) {
        List<Object> list = new ArrayList<>();
        contexts.members(OwnerTokens.principal(authentication), contextId(id)).forEach(m -> list.add(OwnerViews.member(m)));
        return Responses.ok(Map.of("members", list));
    }

    @Delete("/{id}/members/{memberId}")
    public HttpResponse<byte[]> removeMember(Authentication authentication, @PathVariable String id,
                                             @PathVariable String memberId) {
        contexts.removeMember(OwnerTokens.principal(authentication), contextId(id),
                new MemberId(Bodies.id(memberId, "member")));
        return Responses.noContent();
    }

    private static ShareContextId contextId(String id) {
        return new ShareContextId(Bodies.id(id, "share context"));
    }
}
