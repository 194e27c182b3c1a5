package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.adapter.http.web.PathIds;
import io.dashshare.application.port.in.ManagePortalSessionsUseCase;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.portal.SessionId;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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

/** The portal sessions of the people a share context admits (docs/api.md, portal sessions). */
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
@Controller(value = "/api/v1/share-contexts/{id}/sessions", produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PortalSessionsController {

    private final ManagePortalSessionsUseCase sessions;
    private final OwnerAccess access;

    public PortalSessionsController(ManagePortalSessionsUseCase sessions, OwnerAccess access) {
        this.sessions = sessions;
        this.access = access;
    }

    @Get
    public SessionView.Page list(Authentication authentication, @PathVariable String id) {
        return new SessionView.Page(sessions.list(access.principal(authentication), contextId(id)).stream()
                .map(SessionView::from).toList());
    }

    @Delete("/{sessionId}")
    @Status(HttpStatus.NO_CONTENT)
    public void revoke(Authentication authentication, @PathVariable String id, @PathVariable String sessionId) {
        sessions.revoke(access.principal(authentication), contextId(id),
                new SessionId(PathIds.id(sessionId, "session")));
    }

    private static ShareContextId contextId(String id) {
        return new ShareContextId(PathIds.id(id, "share context"));
    }
}
