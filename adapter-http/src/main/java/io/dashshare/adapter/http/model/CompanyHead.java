package io.dashshare.adapter.http.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.tenant.Company;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The company a viewer's dashboard belongs to: only what its page shows. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CompanyHead(String slug, String name) {

    public static CompanyHead from(Company company) {
        return new CompanyHead(company.slug().value(), company.name());
    }
}
