package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.web.AuditClients;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.adapter.http.security.OwnerTokens;
import io.dashshare.adapter.http.web.ClientAddresses;
import io.dashshare.application.port.in.AcceptInviteUseCase;
import io.dashshare.application.port.in.OwnerLoginUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.OwnerSelfUseCase;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.CompanySlug;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.dashshare.adapter.http.openapi.ErrorBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.dashshare.adapter.http.openapi.ApiDocument;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/** An owner's own session: login, accepting an invite, who am I, password, logout (docs/api.md, auth). */
@Tag(name = "auth")
@Controller(value = "/api/v1/auth", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    private final OwnerLoginUseCase login;
    private final AcceptInviteUseCase acceptInvite;
    private final OwnerSelfUseCase self;
    private final OwnerTokens tokens;
    private final OwnerAccess access;
    private final ClientAddresses clients;
    private final AuditClients auditClients;

    public AuthController(OwnerLoginUseCase login, AcceptInviteUseCase acceptInvite, OwnerSelfUseCase self,
                          OwnerTokens tokens, OwnerAccess access, ClientAddresses clients,
                          AuditClients auditClients) {
        this.login = login;
        this.acceptInvite = acceptInvite;
        this.self = self;
        this.tokens = tokens;
        this.access = access;
        this.clients = clients;
        this.auditClients = auditClients;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccessToken(String accessToken, String tokenType, long expiresIn) {

        static AccessToken from(OwnerTokens.Issued issued) {
            return new AccessToken(issued.token(), "Bearer", issued.expiresInSeconds());
        }

        @Override
        public String toString() {
            return "AccessToken[redacted]";
        }
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "login")
    @Errors.Invalid
    @Errors.Body
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED: wrong email or password, an owner not active, a suspended company (all alike)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.RateLimited
    @Errors.Unavailable
    public AccessToken login(HttpRequest<?> request, @Body TeamBodies.Login body) {
        EmailAddress email = EmailAddress.parseField("email", body.email());
        SignedInOwner owner = login.login(new OwnerLoginUseCase.LoginAttempt(email, body.password(),
                body.companySlug().map(slug -> CompanySlug.parseField("company_slug", slug)), clients.of(request),
                auditClients.of(request)));
        return AccessToken.from(tokens.issue(owner));
    }

    @Post("/accept-invite")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "acceptInvite")
    @Errors.Invalid
    @Errors.Body
    @ApiResponse(responseCode = "401", description = "TOKEN_INVALID: a used, expired, replaced or unknown invite token", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Unavailable
    public AccessToken acceptInvite(@Body TeamBodies.AcceptInvite body) {
        return AccessToken.from(tokens.issue(acceptInvite.accept(body.token(), body.password())));
    }

    @SecurityRequirement(name = ApiDocument.OWNER)
    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "getMe")
    @Errors.Owner
    public TeamViews.MeView me(Authentication authentication) {
        return TeamViews.MeView.from(self.me(access.principal(authentication)));
    }

    @SecurityRequirement(name = ApiDocument.OWNER)
    @Post("/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "changePassword")
    @Errors.Invalid
    @Errors.Body
    @Errors.Owner
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: an API key has no person behind it (`details.reason` `api_key`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.RateLimited
    public void changePassword(Authentication authentication, @Body TeamBodies.ChangePassword body) {
        OwnerPrincipal owner = access.principal(authentication);
        self.changePassword(owner, access.token(authentication).map(t -> t.jti()), body.currentPassword(),
                body.newPassword());
    }

    @SecurityRequirement(name = ApiDocument.OWNER)
    @Post(value = "/logout", consumes = {MediaType.APPLICATION_JSON, MediaType.ALL})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "logout")
    @Errors.Owner
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: an API key has no person behind it (`details.reason` `api_key`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public void logout(Authentication authentication) {
        self.logout(access.principal(authentication), access.token(authentication));
    }
}
