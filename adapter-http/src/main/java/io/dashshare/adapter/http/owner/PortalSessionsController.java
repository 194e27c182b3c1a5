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
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/** The portal sessions of the people a share context admits (docs/api.md, portal sessions). */
@Tag(name = "share-contexts")
@SecurityRequirement(name = "owner")
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
    @Operation(operationId = "listPortalSessions")
    @Errors.OwnerRole
    @Errors.NotFound
    public SessionView.Page list(Authentication authentication, @PathVariable String id) {
        return new SessionView.Page(sessions.list(access.principal(authentication), contextId(id)).stream()
                .map(SessionView::from).toList());
    }

    @Delete("/{sessionId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "endPortalSession")
    @Errors.OwnerRole
    @Errors.NotFound
    public void revoke(Authentication authentication, @PathVariable String id, @PathVariable String sessionId) {
        sessions.revoke(access.principal(authentication), contextId(id),
                new SessionId(PathIds.id(sessionId, "session")));
    }

    private static ShareContextId contextId(String id) {
        return new ShareContextId(PathIds.id(id, "share context"));
    }
}
