package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerTokens;
import io.dashshare.adapter.http.view.OwnerViews;
import io.dashshare.adapter.http.web.Bodies;
import io.dashshare.adapter.http.web.Responses;
import io.dashshare.application.port.in.ManageCompanyUseCase;
import io.dashshare.domain.document.Tree;
import io.dashshare.domain.error.SharingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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

/** The owner's company and the origins allowed to frame its embeds. */
@Controller(value = "/api/v1/company", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CompanyController {

    private final ManageCompanyUseCase companies;

    public CompanyController(ManageCompanyUseCase companies) {
        this.companies = companies;
    }

    @Get
    public HttpResponse<byte[]> get(Authentication authentication) {
        return Responses.ok(OwnerViews.company(companies.get(OwnerTokens.principal(authentication))));
    }

    @Put("/embed-origins")
    public HttpResponse<byte[]> setEmbedOrigins(Authentication authentication, @Nullable @Body byte[] body) {
        Tree root = Bodies.object(body, "embed_origins");
        if (!root.has("embed_origins")) {
            throw SharingException.invalidRequest("embed_origins", "embed_origins is required (send [] for none)");
        }
        return Responses.ok(OwnerViews.company(companies.setEmbedOrigins(OwnerTokens.principal(authentication),
                root.stringList("embed_origins"))));
    }
}
