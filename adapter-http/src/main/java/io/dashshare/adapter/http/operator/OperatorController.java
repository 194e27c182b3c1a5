package io.dashshare.adapter.http.operator;

import io.dashshare.adapter.http.web.AuditClients;
import io.micronaut.http.HttpRequest;
import io.dashshare.adapter.http.web.PathIds;
import io.dashshare.application.port.in.ManageTenantsUseCase;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.dashshare.adapter.http.openapi.ErrorBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The operator API of a platform that provisions tenants (docs/api.md, operator). It exists only
 * when {@code SHARING_OPERATOR_TOKEN} is set (its routes are 404 otherwise) and answers only that
 * token, which {@link OperatorFilter} checks before the body is read.
 */
@Requires(property = OperatorController.TOKEN_PROPERTY, pattern = ".+")
@Tag(name = "operator")
@SecurityRequirement(name = "operator")
@Controller(value = "/api/v1/operator/companies", consumes = MediaType.APPLICATION_JSON,
        produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OperatorController {

    static final String TOKEN_PROPERTY = "sharing.operator.token";

    private final ManageTenantsUseCase tenants;
    private final AuditClients clients;

    public OperatorController(ManageTenantsUseCase tenants, AuditClients clients) {
        this.tenants = tenants;
        this.clients = clients;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "provisionCompany")
    @Errors.Invalid
    @Errors.Body
    @Errors.OperatorUnauthenticated
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: the operator API is off (SHARING_OPERATOR_TOKEN is not set)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "CONFLICT: another company uses that slug (`details.field` `slug`)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Unavailable
    public OperatorViews.ProvisionedView create(HttpRequest<?> request, @Body OperatorViews.Create body) {
        CompanySlug slug = CompanySlug.parseField("slug", body.slug());
        EmailAddress admin = EmailAddress.parseField("admin_email", body.adminEmail());
        return OperatorViews.ProvisionedView.from(tenants.create(slug, body.name(), admin, clients.of(request)));
    }

    @Get
    @Operation(operationId = "listCompanies")
    @Errors.OperatorUnauthenticated
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: the operator API is off (SHARING_OPERATOR_TOKEN is not set)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Unavailable
    public OperatorViews.CompaniesPage list() {
        return new OperatorViews.CompaniesPage(tenants.list().stream().map(OperatorViews.CompanyView::from).toList());
    }

    @Patch("/{id}")
    @Operation(operationId = "updateCompany")
    @Errors.Invalid
    @Errors.Body
    @Errors.OperatorUnauthenticated
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such company, or the operator API is off", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @Errors.Unavailable
    public OperatorViews.CompanyView update(HttpRequest<?> request, @PathVariable String id,
                                            @Body OperatorViews.Update body) {
        CompanyId company = new CompanyId(PathIds.id(id, "Company"));
        return OperatorViews.CompanyView.from(tenants.update(company, body.name(), body.newStatus(),
                clients.of(request)));
    }
}
