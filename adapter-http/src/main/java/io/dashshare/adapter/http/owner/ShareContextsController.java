package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.adapter.http.web.PathIds;
import io.dashshare.application.port.in.ManageShareContextsUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.ShareStatisticsUseCase;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContextId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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

/** Share contexts and their members (docs/api.md, share contexts). */
@Tag(name = "share-contexts")
@SecurityRequirement(name = "owner")
@Controller(value = "/api/v1/share-contexts", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShareContextsController {

    private final ManageShareContextsUseCase contexts;
    private final ShareStatisticsUseCase statistics;
    private final OwnerAccess access;

    public ShareContextsController(ManageShareContextsUseCase contexts, ShareStatisticsUseCase statistics,
                                   OwnerAccess access) {
        this.access = access;
        this.contexts = contexts;
        this.statistics = statistics;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createShareContext")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    public ContextView create(Authentication authentication, @Body ContextBodies.Create body) {
        return ContextView.from(contexts.create(access.principal(authentication), body.name(), body.description()));
    }

    @Get
    @Operation(operationId = "listShareContexts")
    @Errors.Owner
    public ContextView.Page list(Authentication authentication) {
        return new ContextView.Page(contexts.list(access.principal(authentication)).stream()
                .map(ContextView::from).toList());
    }

    @Get("/{id}")
    @Operation(operationId = "getShareContext")
    @Errors.Owner
    @Errors.NotFound
    public ContextView get(Authentication authentication, @PathVariable String id) {
        return ContextView.from(contexts.get(access.principal(authentication), contextId(id)));
    }

    @Patch("/{id}")
    @Operation(operationId = "updateShareContext")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    @Errors.NotFound
    public ContextView update(Authentication authentication, @PathVariable String id,
                              @Body ContextBodies.Update body) {
        ShareContextId context = contextId(id);
        return ContextView.from(contexts.update(access.principal(authentication), context, body.name(),
                body.newDescription()));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteShareContext")
    @Errors.OwnerRole
    @Errors.NotFound
    public void delete(Authentication authentication, @PathVariable String id) {
        contexts.delete(access.principal(authentication), contextId(id));
    }

    @Post("/{id}/members")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "addShareContextMember")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: a member refused (`details.field`; `details.reason` `public_email_domain` for a free-mail domain), an expiry not in the future, an address or domain already a member", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Body
    @Errors.OwnerRole
    @Errors.NotFound
    @ApiResponse(responseCode = "409", description = "CONFLICT: the address or domain became a member meanwhile (`details.field`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public MemberView addMember(Authentication authentication, @PathVariable String id,
                                @Body ContextBodies.AddMember body) {
        ShareContextId context = contextId(id);
        OwnerPrincipal owner = access.principal(authentication);
        return MemberView.from(contexts.addMember(owner, context, body.toMember()), statistics.lastSignIns(owner, context));
    }

    @Get("/{id}/members")
    @Operation(operationId = "listShareContextMembers")
    @Errors.Owner
    @Errors.NotFound
    public MemberView.Page members(Authentication authentication, @PathVariable String id) {
        OwnerPrincipal owner = access.principal(authentication);
        ShareContextId context = contextId(id);
        List<Member> members = contexts.members(owner, context);
        Map<MemberId, Instant> lastSignIns = statistics.lastSignIns(owner, context);
        return new MemberView.Page(members.stream().map(m -> MemberView.from(m, lastSignIns)).toList());
    }

    /** Only {@code expires_at} changes; who a member admits does not (remove it and add another). */
    @Patch("/{id}/members/{memberId}")
    @Operation(operationId = "updateShareContextMember")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    @Errors.NotFound
    public MemberView updateMember(Authentication authentication, @PathVariable String id,
                                   @PathVariable String memberId, @Body ContextBodies.UpdateMember body) {
        ShareContextId context = contextId(id);
        OwnerPrincipal owner = access.principal(authentication);
        return MemberView.from(contexts.updateMember(owner, context, new MemberId(PathIds.id(memberId, "member")),
                body.newExpiry()), statistics.lastSignIns(owner, context));
    }

    @Delete("/{id}/members/{memberId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeShareContextMember")
    @Errors.OwnerRole
    @Errors.NotFound
    public void removeMember(Authentication authentication, @PathVariable String id, @PathVariable String memberId) {
        contexts.removeMember(access.principal(authentication), contextId(id),
                new MemberId(PathIds.id(memberId, "member")));
    }

    private static ShareContextId contextId(String id) {
        return new ShareContextId(PathIds.id(id, "share context"));
    }
}
