package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.application.port.in.ManageCompanyUseCase;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
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

/** The owner's company: its embed origins (docs/embedding.md, allowed origins). */
@Tag(name = "company")
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
@Controller(value = "/api/v1/company", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CompanyController {

    private final ManageCompanyUseCase companies;
    private final OwnerAccess access;

    public CompanyController(ManageCompanyUseCase companies, OwnerAccess access) {
        this.access = access;
        this.companies = companies;
    }

    @Get
    public CompanyView get(Authentication authentication) {
        return CompanyView.from(companies.get(access.principal(authentication)));
    }

    @Put("/embed-origins")
    public CompanyView setEmbedOrigins(Authentication authentication, @Body CompanyView.OriginsBody body) {
        return CompanyView.from(companies.setEmbedOrigins(access.principal(authentication), body.origins()));
    }
}
