package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.application.port.in.IssueEmbedTokenUseCase;
import io.dashshare.application.port.in.ManageEmbedKeysUseCase;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.error.SharingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Optional;
import io.dashshare.adapter.http.openapi.ErrorBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/** Embed tokens, their revocation and the company's embed keys (docs/embedding.md). */
@Tag(name = "embed-admin")
@SecurityRequirement(name = "owner")
@Controller(value = "/api/v1/embed", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmbedAdminController {

    private final IssueEmbedTokenUseCase issuer;
    private final ManageEmbedKeysUseCase keys;
    private final OwnerAccess access;

    public EmbedAdminController(IssueEmbedTokenUseCase issuer, ManageEmbedKeysUseCase keys, OwnerAccess access) {
        this.access = access;
        this.issuer = issuer;
        this.keys = keys;
    }

    @Post("/dashboards/{id}")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "issueEmbedToken")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: a member refused (`allowed_params`, `required_params`, `fixed_params`, `expires_in`; `details.field`), INVALID_PARAMETER (a fixed value that does not fit its filter)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Body
    @Errors.OwnerRole
    @Errors.NotFound
    public EmbedViews.Issued issue(Authentication authentication, @PathVariable String id,
                                   @Nullable @Body @RequestBody(required = false, description = "optional: without it, a token with no parameter rules that lives the default time") EmbedBodies.Mint body) {
        DashboardId dashboard = DashboardsController.dashboardId(id);
        EmbedBodies.Mint mint = body == null ? EmbedBodies.Mint.NONE : body;
        return EmbedViews.Issued.from(issuer.issue(access.principal(authentication), dashboard, mint.toCommand()));
    }

    @Post("/dashboards/{id}/revoke-tokens")
    @Operation(operationId = "revokeEmbedTokens")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    @Errors.NotFound
    public EmbedViews.TokensRevoked revokeTokens(Authentication authentication, @PathVariable String id,
                                                 @Nullable @Body @RequestBody(required = false, description = "optional: without it, tokens issued before now are refused") EmbedBodies.Revoke body) {
        DashboardId dashboard = DashboardsController.dashboardId(id);
        return EmbedViews.TokensRevoked.from(keys.refuseTokensIssuedBefore(access.principal(authentication),
                dashboard, body == null ? Optional.empty() : body.issuedBefore()));
    }

    @Get("/keys")
    @Operation(operationId = "listEmbedKeys")
    @Errors.Owner
    public EmbedViews.Keys listKeys(Authentication authentication) {
        return new EmbedViews.Keys(keys.list(access.principal(authentication)).stream()
                .map(EmbedViews.Key::from).toList());
    }

    @Post("/keys")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createEmbedKey")
    @Errors.OwnerRole
    public EmbedViews.CreatedKey createKey(Authentication authentication) {
        return EmbedViews.CreatedKey.from(keys.create(access.principal(authentication)));
    }

    @Post("/keys/{kid}/retire")
    @Operation(operationId = "retireEmbedKey")
    @Errors.OwnerRole
    @Errors.NotFound
    public EmbedViews.Key retireKey(Authentication authentication, @PathVariable String kid) {
        if (!EmbedKeyId.isValid(kid)) {
            throw SharingException.notFound("Embed key");
        }
        return EmbedViews.Key.from(keys.retire(access.principal(authentication), new EmbedKeyId(kid)));
    }
}
