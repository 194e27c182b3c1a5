package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.web.AuditClients;
import io.dashshare.adapter.http.web.BearerTokens;
import io.dashshare.application.port.in.PortalLogoutUseCase;
import io.dashshare.application.port.in.RefreshPortalSessionUseCase;
import io.dashshare.application.port.in.RequestCodeUseCase;
import io.dashshare.application.port.in.VerifyCodeUseCase;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.portal.OneTimeCode;
import io.dashshare.domain.tenant.CompanySlug;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Optional;
import io.dashshare.adapter.http.openapi.ErrorBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.dashshare.adapter.http.openapi.ApiDocument;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/** Flow 2 of the integration guide, step 4: one-time code login of external people, refresh and logout. */
@Tag(name = "share-auth")
@Controller(value = "/api/v1/share-auth", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShareAuthController {

    private final RequestCodeUseCase requests;
    private final VerifyCodeUseCase verifications;
    private final RefreshPortalSessionUseCase refreshes;
    private final PortalLogoutUseCase logouts;
    private final AuditClients auditClients;

    public ShareAuthController(RequestCodeUseCase requests, VerifyCodeUseCase verifications,
                               RefreshPortalSessionUseCase refreshes, PortalLogoutUseCase logouts,
                               AuditClients auditClients) {
        this.requests = requests;
        this.verifications = verifications;
        this.refreshes = refreshes;
        this.logouts = logouts;
        this.auditClients = auditClients;
    }

    /**
     * Answers 202 with one fixed body for members, strangers and unknown companies alike
     * (docs/security.md, codes), whether SMTP is up or not: the mail waits in the outbox. Only
     * what does not depend on membership may differ: a malformed request (400), throttling (429).
     */
    @Post("/request")
    @Status(HttpStatus.ACCEPTED)
    @Operation(operationId = "requestPortalCode")
    @Errors.Invalid
    @Errors.Body
    @Errors.RateLimited
    @Errors.Unavailable
    public CodeRequestAccepted requestCode(HttpRequest<?> request, @Body CodeRequestBody body) {
        EmailAddress email = EmailAddress.parseField("email", body.email());
        requests.requestCode(CompanySlug.parseField("company_slug", body.companySlug()), email,
                auditClients.of(request));
        return CodeRequestAccepted.ANSWER;
    }

    @Post("/verify")
    @Operation(operationId = "verifyPortalCode")
    @Errors.Invalid
    @Errors.Body
    @ApiResponse(responseCode = "401", description = "CODE_INVALID: a wrong, expired or used code", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.RateLimited
    @Errors.Unavailable
    public PortalTokensView verify(HttpRequest<?> request, @Body VerifyCodeBody body) {
        EmailAddress email = EmailAddress.parseField("email", body.email());
        OneTimeCode code = OneTimeCode.parseField("code", body.code());
        return PortalTokensView.from(verifications.verify(CompanySlug.parseField("company_slug", body.companySlug()),
                email, code, auditClients.of(request)));
    }

    @Post("/refresh")
    @Operation(operationId = "refreshPortalTokens")
    @Errors.Invalid
    @Errors.Body
    @ApiResponse(responseCode = "401", description = "TOKEN_INVALID: a used, expired or unknown refresh token, an ended session, a suspended company", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Unavailable
    public PortalTokensView refresh(@Body RefreshBody body) {
        return PortalTokensView.from(refreshes.refresh(body.refreshToken()));
    }

    /**
     * Revokes the session of the bearer share-access token and/or the refresh token, or with
     * {@code "everywhere": true} every session of that person at that company; always 204.
     */
    @SecurityRequirement(name = ApiDocument.SHARE_ACCESS)
    @SecurityRequirement(name = "")
    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "logoutPortal")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: neither a share access token nor `refresh_token`, or a member refused", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Body
    @Errors.Unavailable
    public void logout(HttpRequest<?> request, @Nullable @Body @RequestBody(required = false, description = "optional when the share access token is sent as Authorization: Bearer") LogoutBody body) {
        Optional<String> refresh = body == null ? Optional.empty() : body.refreshToken();
        boolean everywhere = body != null && body.signOutEverywhere();
        Optional<String> access = BearerTokens.of(request);
        if (refresh.isEmpty() && access.isEmpty()) {
            throw new InvalidValueException("refresh_token",
                    "is required when no share-access token is sent as Authorization: Bearer");
        }
        logouts.logout(access, refresh, everywhere, auditClients.of(request));
    }
}
