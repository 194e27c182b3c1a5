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

/** Share contexts and their members (docs/api.md, share contexts). */
@Tag(name = "share-contexts")
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
    public ContextView create(Authentication authentication, @Body ContextBodies.Create body) {
        return ContextView.from(contexts.create(access.principal(authentication), body.name(), body.description()));
    }

    @Get
    public ContextView.Page list(Authentication authentication) {
        return new ContextView.Page(contexts.list(access.principal(authentication)).stream()
                .map(ContextView::from).toList());
    }

    @Get("/{id}")
    public ContextView get(Authentication authentication, @PathVariable String id) {
        return ContextView.from(contexts.get(access.principal(authentication), contextId(id)));
    }

    @Patch("/{id}")
    public ContextView update(Authentication authentication, @PathVariable String id,
                              @Body ContextBodies.Update body) {
        ShareContextId context = contextId(id);
        return ContextView.from(contexts.update(access.principal(authentication), context, body.name(),
                body.newDescription()));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(Authentication authentication, @PathVariable String id) {
        contexts.delete(access.principal(authentication), contextId(id));
    }

    @Post("/{id}/members")
    @Status(HttpStatus.CREATED)
    public MemberView addMember(Authentication authentication, @PathVariable String id,
                                @Body ContextBodies.AddMember body) {
        ShareContextId context = contextId(id);
        OwnerPrincipal owner = access.principal(authentication);
        return MemberView.from(contexts.addMember(owner, context, body.toMember()), statistics.lastSignIns(owner, context));
    }

    @Get("/{id}/members")
    public MemberView.Page members(Authentication authentication, @PathVariable String id) {
        OwnerPrincipal owner = access.principal(authentication);
        ShareContextId context = contextId(id);
        List<Member> members = contexts.members(owner, context);
        Map<MemberId, Instant> lastSignIns = statistics.lastSignIns(owner, context);
        return new MemberView.Page(members.stream().map(m -> MemberView.from(m, lastSignIns)).toList());
    }

    /** Only {@code expires_at} changes; who a member admits does not (remove it and add another). */
    @Patch("/{id}/members/{memberId}")
    public MemberView updateMember(Authentication authentication, @PathVariable String id,
                                   @PathVariable String memberId, @Body ContextBodies.UpdateMember body) {
        ShareContextId context = contextId(id);
        OwnerPrincipal owner = access.principal(authentication);
        return MemberView.from(contexts.updateMember(owner, context, new MemberId(PathIds.id(memberId, "member")),
                body.newExpiry()), statistics.lastSignIns(owner, context));
    }

    @Delete("/{id}/members/{memberId}")
    @Status(HttpStatus.NO_CONTENT)
    public void removeMember(Authentication authentication, @PathVariable String id, @PathVariable String memberId) {
        contexts.removeMember(access.principal(authentication), contextId(id),
                new MemberId(PathIds.id(memberId, "member")));
    }

    private static ShareContextId contextId(String id) {
        return new ShareContextId(PathIds.id(id, "share context"));
    }
}
