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
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/** The owner's company: its embed origins (docs/embedding.md, allowed origins). */
@Tag(name = "company")
@SecurityRequirement(name = "owner")
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
    @Operation(operationId = "getCompany")
    @Errors.Owner
    public CompanyView get(Authentication authentication) {
        return CompanyView.from(companies.get(access.principal(authentication)));
    }

    @Put("/embed-origins")
    @Operation(operationId = "setEmbedOrigins")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    public CompanyView setEmbedOrigins(Authentication authentication, @Body CompanyView.OriginsBody body) {
        return CompanyView.from(companies.setEmbedOrigins(access.principal(authentication), body.origins()));
    }
}
