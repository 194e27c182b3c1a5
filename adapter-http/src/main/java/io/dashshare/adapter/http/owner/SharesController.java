package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.adapter.http.web.PathIds;
import io.dashshare.application.port.in.ManageSharesUseCase;
import io.dashshare.domain.share.ShareId;
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
import java.time.Clock;
import io.dashshare.adapter.http.openapi.ErrorBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/** Shares of a dashboard (docs/api.md, shares): the token is shown only on create and rotate. */
@Tag(name = "shares")
@SecurityRequirement(name = "owner")
@Controller(value = "/api/v1", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SharesController {

    private final ManageSharesUseCase shares;
    private final Clock clock = Clock.systemUTC();
    private final OwnerAccess access;

    public SharesController(ManageSharesUseCase shares, OwnerAccess access) {
        this.access = access;
        this.shares = shares;
    }

    @Post("/dashboards/{id}/shares")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createShare")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: a member refused (`details.field`, e.g. `share_filter_policies[0].mode`), INVALID_PARAMETER (a policy value that does not fit its filter)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Body
    @Errors.OwnerRole
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such dashboard (or share context) of the caller's company", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public ShareView create(Authentication authentication, @PathVariable String id, @Body CreateShareBody body) {
        var dashboard = DashboardsController.dashboardId(id);
        return ShareView.created(shares.create(access.principal(authentication), dashboard, body.toCommand()),
                clock.instant());
    }

    @Get("/dashboards/{id}/shares")
    @Operation(operationId = "listShares")
    @Errors.Owner
    @Errors.NotFound
    public ShareView.Page list(Authentication authentication, @PathVariable String id) {
        return new ShareView.Page(shares.list(access.principal(authentication), DashboardsController.dashboardId(id))
                .stream().map(s -> ShareView.from(s, clock.instant())).toList());
    }

    @Get("/shares/{id}")
    @Operation(operationId = "getShare")
    @Errors.Owner
    @Errors.NotFound
    public ShareView get(Authentication authentication, @PathVariable String id) {
        return ShareView.from(shares.get(access.principal(authentication), shareId(id)), clock.instant());
    }

    @Patch("/shares/{id}")
    @Operation(operationId = "updateShare")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: a member refused (`details.field`, e.g. `share_filter_policies[0].mode`), INVALID_PARAMETER (a policy value that does not fit its filter)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Body
    @Errors.OwnerRole
    @Errors.NotFound
    public ShareView update(Authentication authentication, @PathVariable String id, @Body UpdateShareBody body) {
        ShareId share = shareId(id);
        return ShareView.from(shares.update(access.principal(authentication), share, body.toCommand()),
                clock.instant());
    }

    /** Revokes (the share stays listed, with {@code status: revoked}). */
    @Delete("/shares/{id}")
    @Operation(operationId = "revokeShare")
    @Errors.OwnerRole
    @Errors.NotFound
    public ShareView revoke(Authentication authentication, @PathVariable String id) {
        return ShareView.from(shares.revoke(access.principal(authentication), shareId(id)), clock.instant());
    }

    @Post("/shares/{id}/rotate-token")
    @Operation(operationId = "rotateShareToken")
    @Errors.OwnerRole
    @Errors.NotFound
    public ShareView rotate(Authentication authentication, @PathVariable String id) {
        return ShareView.created(shares.rotateToken(access.principal(authentication), shareId(id)),
                clock.instant());
    }

    private static ShareId shareId(String id) {
        return new ShareId(PathIds.id(id, "share"));
    }
}
