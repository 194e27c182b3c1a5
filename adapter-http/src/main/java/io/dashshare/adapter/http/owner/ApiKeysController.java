package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.adapter.http.web.PathIds;
import io.dashshare.application.port.in.ManageApiKeysUseCase;
import io.dashshare.domain.tenant.ApiKeyId;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
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

/** Keys for the company's backends (docs/api.md, API keys): admins only; a key is shown once. */
@Tag(name = "api-keys")
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
@Controller(value = "/api/v1/api-keys", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApiKeysController {

    private final ManageApiKeysUseCase keys;
    private final OwnerAccess access;

    public ApiKeysController(ManageApiKeysUseCase keys, OwnerAccess access) {
        this.keys = keys;
        this.access = access;
    }

    @Post
    @Status(HttpStatus.CREATED)
    public TeamViews.CreatedApiKeyView create(Authentication authentication, @Body TeamBodies.CreateApiKey body) {
        var owner = access.principal(authentication);
        return TeamViews.CreatedApiKeyView.from(keys.create(owner, body.name(), TeamBodies.role("role", body.role()),
                body.expiry()));
    }

    @Get
    public TeamViews.ApiKeysPage list(Authentication authentication) {
        return new TeamViews.ApiKeysPage(keys.list(access.principal(authentication)).stream()
                .map(TeamViews.ApiKeyView::from).toList());
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void revoke(Authentication authentication, @PathVariable String id) {
        keys.revoke(access.principal(authentication), new ApiKeyId(PathIds.id(id, "API key")));
    }
}
