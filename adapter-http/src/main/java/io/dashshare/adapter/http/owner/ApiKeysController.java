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
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/** Keys for the company's backends (docs/api.md, API keys): admins only; a key is shown once. */
@Tag(name = "api-keys")
@SecurityRequirement(name = "owner")
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
    @Operation(operationId = "createApiKey")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    public TeamViews.CreatedApiKeyView create(Authentication authentication, @Body TeamBodies.CreateApiKey body) {
        var owner = access.principal(authentication);
        return TeamViews.CreatedApiKeyView.from(keys.create(owner, body.name(), TeamBodies.role("role", body.role()),
                body.expiry()));
    }

    @Get
    @Operation(operationId = "listApiKeys")
    @Errors.OwnerRole
    public TeamViews.ApiKeysPage list(Authentication authentication) {
        return new TeamViews.ApiKeysPage(keys.list(access.principal(authentication)).stream()
                .map(TeamViews.ApiKeyView::from).toList());
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeApiKey")
    @Errors.OwnerRole
    @Errors.NotFound
    public void revoke(Authentication authentication, @PathVariable String id) {
        keys.revoke(access.principal(authentication), new ApiKeyId(PathIds.id(id, "API key")));
    }
}
