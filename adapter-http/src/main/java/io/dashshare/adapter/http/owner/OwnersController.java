package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.adapter.http.web.PathIds;
import io.dashshare.application.port.in.ManageOwnersUseCase;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.OwnerId;
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

/** The company's team (docs/api.md, owners): admins only. */
@Tag(name = "owners")
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
@Controller(value = "/api/v1/owners", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OwnersController {

    private final ManageOwnersUseCase owners;
    private final OwnerAccess access;

    public OwnersController(ManageOwnersUseCase owners, OwnerAccess access) {
        this.owners = owners;
        this.access = access;
    }

    @Get
    public TeamViews.OwnersPage list(Authentication authentication) {
        return new TeamViews.OwnersPage(owners.list(access.principal(authentication)).stream()
                .map(TeamViews.OwnerView::from).toList());
    }

    @Post
    @Status(HttpStatus.CREATED)
    public TeamViews.InvitedOwnerView invite(Authentication authentication, @Body TeamBodies.Invite body) {
        var owner = access.principal(authentication);
        EmailAddress email = EmailAddress.parseField("email", body.email());
        return TeamViews.InvitedOwnerView.from(owners.invite(owner, email, TeamBodies.role("role", body.role())));
    }

    @Patch("/{id}")
    public TeamViews.OwnerView update(Authentication authentication, @PathVariable String id,
                                      @Body TeamBodies.UpdateOwner body) {
        var owner = access.principal(authentication);
        return TeamViews.OwnerView.from(owners.update(owner, ownerId(id), body.newRole(), body.newStatus()));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void remove(Authentication authentication, @PathVariable String id) {
        owners.remove(access.principal(authentication), ownerId(id));
    }

    private static OwnerId ownerId(String id) {
        return new OwnerId(PathIds.id(id, "Owner"));
    }
}
