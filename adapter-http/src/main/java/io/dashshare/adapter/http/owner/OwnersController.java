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
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/** The company's team (docs/api.md, owners): admins only. */
@Tag(name = "owners")
@SecurityRequirement(name = "owner")
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
    @Operation(operationId = "listOwners")
    @Errors.OwnerRole
    public TeamViews.OwnersPage list(Authentication authentication) {
        return new TeamViews.OwnersPage(owners.list(access.principal(authentication)).stream()
                .map(TeamViews.OwnerView::from).toList());
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "inviteOwner")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    @ApiResponse(responseCode = "409", description = "CONFLICT: the email is already an owner of this company (`details.field` `email`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public TeamViews.InvitedOwnerView invite(Authentication authentication, @Body TeamBodies.Invite body) {
        var owner = access.principal(authentication);
        EmailAddress email = EmailAddress.parseField("email", body.email());
        return TeamViews.InvitedOwnerView.from(owners.invite(owner, email, TeamBodies.role("role", body.role())));
    }

    @Patch("/{id}")
    @Operation(operationId = "updateOwner")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    @Errors.NotFound
    @ApiResponse(responseCode = "409", description = "CONFLICT: the last active admin cannot be demoted, disabled or removed (`details.reason` `last_admin`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public TeamViews.OwnerView update(Authentication authentication, @PathVariable String id,
                                      @Body TeamBodies.UpdateOwner body) {
        var owner = access.principal(authentication);
        return TeamViews.OwnerView.from(owners.update(owner, ownerId(id), body.newRole(), body.newStatus()));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeOwner")
    @Errors.OwnerRole
    @Errors.NotFound
    @ApiResponse(responseCode = "409", description = "CONFLICT: the last active admin cannot be demoted, disabled or removed (`details.reason` `last_admin`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public void remove(Authentication authentication, @PathVariable String id) {
        owners.remove(access.principal(authentication), ownerId(id));
    }

    private static OwnerId ownerId(String id) {
        return new OwnerId(PathIds.id(id, "Owner"));
    }
}
